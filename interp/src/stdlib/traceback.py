"""Format and print exceptions the way CPython's traceback module does: the part scripts use
(print_exc, format_exc, print_exception, format_exception, format_exception_only). The text
comes from the VM's own traceback printer, so it matches an uncaught exception's."""

import sys
import _kaa

__all__ = ["format_exc", "format_exception", "format_exception_only", "print_exc",
           "print_exception", "print_last"]

_sentinel = object()


def _value(exc, value):
    # Both call forms: f(exc) (3.10+) and f(type, value, tb).
    if value is _sentinel:
        return exc
    return value


_CHAIN_MESSAGES = (
    "The above exception was the direct cause of the following exception:",
    "During handling of the above exception, another exception occurred:",
)


def _lines(text):
    if text.endswith("\n"):
        text = text[:-1]
    return [line + "\n" for line in text.split("\n")] if text else []


def _entries(text):
    # CPython's list: one string per frame (its File line with the source and marker lines
    # under it) and one per chaining message with the blank lines around it.
    out = []
    in_frame = False
    closing_blank = False
    for line in _lines(text):
        if closing_blank and line == "\n":
            out[-1] += line
        elif line.startswith("  File "):
            out.append(line)
        elif in_frame and line.startswith("    "):
            out[-1] += line
        elif line[:-1] in _CHAIN_MESSAGES and out and out[-1] == "\n":
            out[-1] += line
        else:
            out.append(line)
        in_frame = line.startswith("  File ") or (in_frame and line.startswith("    "))
        closing_blank = line[:-1] in _CHAIN_MESSAGES
    return out


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    e = _value(exc, value)
    if e is None:
        return ["NoneType: None\n"]
    return _entries(_kaa.format_exception(e, bool(chain)))


def format_exception_only(exc, /, value=_sentinel):
    e = _value(exc, value)
    if e is None:
        return ["NoneType: None\n"]
    return _lines(_kaa.format_exception(e, None))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exc_info()[1], limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exc_info()[1], limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)

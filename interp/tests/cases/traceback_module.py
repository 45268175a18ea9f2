import traceback, sys, io
_print = print


def print(*a, **k):
    # Tracebacks name this file by its absolute path: keep the output independent of it.
    _print(*[x.replace(__file__, "FILE") if isinstance(x, str) else x for x in a], **k)


def g(n):
    return [1, 2][n]
def f(n):
    return g(n) + 1
try:
    f(5)
except IndexError as e:
    print(traceback.format_exc(), end="")
    print(traceback.format_exception_only(e))
    print(traceback.format_exception_only(type(e), e), traceback.format_exception(None))
    print("".join(traceback.format_exception(e)), end="")
    print("".join(traceback.format_exception(type(e), e, e.__traceback__)), end="")
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    print(buf.getvalue() == traceback.format_exc())
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("wrapped")
except ValueError as e:
    print(traceback.format_exc(), end="")
    print("".join(traceback.format_exception(e, chain=False)), end="")
print(repr(traceback.format_exc()))
print(traceback.format_exc(), end="")
class MyErr(Exception):
    pass
print(traceback.format_exception_only(MyErr("m")), traceback.format_exception_only(KeyError("k")))

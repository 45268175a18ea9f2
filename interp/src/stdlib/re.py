"""Regular expressions (Python's `re`), on Kaa's native matcher `_kaa_re`."""

import _kaa_re
import enum as _enum

__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer",
           "compile", "purge", "template", "escape", "error", "Pattern", "Match", "A", "I",
           "L", "M", "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL",
           "VERBOSE", "UNICODE", "NOFLAG", "RegexFlag"]


class RegexFlag(_enum.IntFlag, boundary=_enum.KEEP):
    NOFLAG = 0
    TEMPLATE = T = 1
    IGNORECASE = I = 2
    LOCALE = L = 4
    MULTILINE = M = 8
    DOTALL = S = 16
    UNICODE = U = 32
    VERBOSE = X = 64
    DEBUG = 128
    ASCII = A = 256

    def __repr__(self):
        value = self._value_
        if not value:
            return "re.NOFLAG"
        names = []
        rest = value
        for m in self.__class__:
            if m._value_ and m._value_ & value == m._value_ and m._name_ != "TEMPLATE":
                names.append("re." + m._name_)
                rest &= ~m._value_
        if rest or not names:
            names.append(hex(rest))
        return "|".join(names)

    __str__ = __repr__


NOFLAG = RegexFlag.NOFLAG
TEMPLATE = T = RegexFlag.TEMPLATE
IGNORECASE = I = RegexFlag.IGNORECASE
LOCALE = L = RegexFlag.LOCALE
MULTILINE = M = RegexFlag.MULTILINE
DOTALL = S = RegexFlag.DOTALL
UNICODE = U = RegexFlag.UNICODE
VERBOSE = X = RegexFlag.VERBOSE
DEBUG = RegexFlag.DEBUG
ASCII = A = RegexFlag.ASCII


class error(Exception):
    """A bad pattern: msg, pattern, pos, lineno, colno."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = "re"
_MAXSIZE = 2 ** 63 - 1


class Pattern:
    """A compiled regular expression."""

    def __init__(self, pattern, flags):
        result = _kaa_re.compile(pattern, int(flags))
        if result[0] is None:
            pos = result[2]
            if pos < 0:
                raise error(result[1])
            raise error(result[1], pattern, pos)
        self._handle, self.groups, self.groupindex, flags = result
        self.pattern = pattern
        self.flags = flags
        self._bytes = not isinstance(pattern, str)

    def _check(self, string):
        if self._bytes:
            if isinstance(string, str):
                raise TypeError("cannot use a bytes pattern on a string-like object")
        elif not isinstance(string, str):
            if isinstance(string, (bytes, bytearray)):
                raise TypeError("cannot use a string pattern on a bytes-like object")
            raise TypeError(f"expected string or bytes-like object, got "
                            f"'{type(string).__name__}'")

    def _run(self, string, pos, endpos, mode):
        self._check(string)
        spans = _kaa_re.exec(self._handle, string, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, spans, pos, endpos)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 0)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 2)

    def _scan(self, string, pos=0, endpos=_MAXSIZE, limit=0):
        self._check(string)
        return _kaa_re.scan(self._handle, string, pos, endpos, limit)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        return iter([Match(self, string, s, pos, endpos)
                     for s in self._scan(string, pos, endpos)])

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        out = []
        empty = string[:0]
        for s in self._scan(string, pos, endpos):
            if self.groups == 0:
                out.append(string[s[0]:s[1]])
            elif self.groups == 1:
                out.append(string[s[2]:s[3]] if s[2] >= 0 else empty)
            else:
                out.append(tuple(string[s[2 * g]:s[2 * g + 1]] if s[2 * g] >= 0 else empty
                                 for g in range(1, self.groups + 1)))
        return out

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        if maxsplit < 0:
            return [string]
        for s in self._scan(string, 0, _MAXSIZE, maxsplit):
            out.append(string[last:s[0]])
            for g in range(1, self.groups + 1):
                out.append(string[s[2 * g]:s[2 * g + 1]] if s[2 * g] >= 0 else None)
            last = s[1]
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        if count < 0:
            return string, 0
        if callable(repl):
            expand = lambda m: repl(m)
        else:
            self._check(repl)
            template = _compile_template(self, repl)
            if len(template) == 1 and isinstance(template[0], (str, bytes)):
                literal = template[0]
                expand = lambda m: literal
            else:
                expand = lambda m: _expand_template(template, m)
        pieces = []
        last = 0
        n = 0
        for s in self._scan(string, 0, _MAXSIZE, count):
            pieces.append(string[last:s[0]])
            text = expand(Match(self, string, s, 0, _MAXSIZE))
            if text is not None:
                pieces.append(text)
            last = s[1]
            n += 1
        pieces.append(string[last:])
        return string[:0].join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def __repr__(self):
        flags = self.flags
        if not self._bytes:
            flags &= ~UNICODE
        text = repr(self.pattern)[:200]
        if flags:
            return "re.compile(%s, %r)" % (text, RegexFlag(flags))
        return "re.compile(%s)" % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, spans, pos, endpos):
        self.re = pattern
        self.string = string
        self._spans = spans
        self.pos = max(0, min(pos, len(string)))
        self.endpos = max(0, min(endpos, len(string)))

    def _index(self, group):
        if isinstance(group, int) or hasattr(group, "__index__") and not isinstance(group, str):
            g = group.__index__() if not isinstance(group, int) else group
            if 0 <= g <= self.re.groups:
                return g
        elif isinstance(group, str):
            g = self.re.groupindex.get(group)
            if g is not None:
                return g
        raise IndexError("no such group")

    def span(self, group=0):
        g = self._index(group)
        return self._spans[2 * g], self._spans[2 * g + 1]

    def start(self, group=0):
        return self.span(group)[0]

    def end(self, group=0):
        return self.span(group)[1]

    def _text(self, g, default=None):
        a, b = self._spans[2 * g], self._spans[2 * g + 1]
        if a < 0:
            return default
        return self.string[a:b]

    def group(self, *groups):
        if not groups:
            return self._text(0)
        if len(groups) == 1:
            return self._text(self._index(groups[0]))
        return tuple(self._text(self._index(g)) for g in groups)

    def __getitem__(self, group):
        return self._text(self._index(group))

    def groups(self, default=None):
        return tuple(self._text(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._text(g, default) for name, g in self.re.groupindex.items()}

    @property
    def regs(self):
        return tuple(self.span(g) for g in range(self.re.groups + 1))

    @property
    def lastindex(self):
        best = None
        best_end = -1
        for g in range(1, self.re.groups + 1):
            a, b = self._spans[2 * g], self._spans[2 * g + 1]
            if a >= 0 and b > best_end:
                best, best_end = g, b
        return best

    @property
    def lastgroup(self):
        g = self.lastindex
        if g is None:
            return None
        for name, idx in self.re.groupindex.items():
            if idx == g:
                return name
        return None

    def expand(self, template):
        return _expand_template(_compile_template(self.re, template), self)

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.group())

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


Pattern.__module__ = "re"
Match.__module__ = "re"

_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
            "\\": "\\"}


def _compile_template(pattern, repl):
    """A replacement string → list of literal pieces and group numbers."""
    is_bytes = not isinstance(repl, str)
    text = repl.decode("latin-1") if is_bytes else repl
    parts = []
    lit = []
    i = 0
    n = len(text)

    def bad(msg, pos):
        raise error(msg, repl, pos)

    while i < n:
        c = text[i]
        if c != "\\":
            lit.append(c)
            i += 1
            continue
        if i + 1 >= n:
            bad("bad escape (end of pattern)", i)
        e = text[i + 1]
        if e == "g":
            if i + 2 >= n or text[i + 2] != "<":
                bad("missing <", i + 2)
            close = text.find(">", i + 3)
            if close < 0:
                bad("missing >, unterminated name", i + 3)
            name = text[i + 3:close]
            if not name:
                bad("missing group name", i + 3)
            if name.isdigit():
                g = int(name)
                if g > pattern.groups:
                    bad("invalid group reference %d" % g, i + 3)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                g = pattern.groupindex[name]
            else:
                bad("bad character in group name '%s'" % name, i + 3)
            parts.append("".join(lit))
            lit = []
            parts.append(g)
            i = close + 1
        elif e == "0":
            j = i + 2
            while j < n and j < i + 4 and text[j] in "01234567":
                j += 1
            lit.append(chr(int(text[i + 1:j], 8)))
            i = j
        elif e.isdigit():
            j = i + 2
            if j < n and text[j].isdigit():
                if (e in "01234567" and text[j] in "01234567" and j + 1 < n
                        and text[j + 1] in "01234567"):
                    value = int(text[i + 1:j + 2], 8)
                    if value > 0o377:
                        bad("octal escape value \\%s outside of range 0-0o377"
                            % text[i + 1:j + 2], i)
                    lit.append(chr(value))
                    i = j + 2
                    continue
                j += 1
            g = int(text[i + 1:j])
            if g > pattern.groups:
                bad("invalid group reference %d" % g, i + 1)
            parts.append("".join(lit))
            lit = []
            parts.append(g)
            i = j
        elif e in _ESCAPES:
            lit.append(_ESCAPES[e])
            i += 2
        elif e.isascii() and e.isalpha():
            bad("bad escape \\%s" % e, i)
        else:
            lit.append("\\" + e)
            i += 2
    parts.append("".join(lit))
    if is_bytes:
        parts = [p.encode("latin-1") if isinstance(p, str) else p for p in parts]
    return [p for p in parts if not (isinstance(p, (str, bytes)) and not p)] or [repl[:0]]


def _expand_template(template, match):
    empty = match.string[:0]
    out = []
    for p in template:
        if isinstance(p, int):
            t = match.group(p)
            out.append(empty if t is None else t)
        else:
            out.append(p)
    return empty.join(out)


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags._value_
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes, bytearray)):
        raise TypeError("first argument must be string or compiled pattern")
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is None:
        p = Pattern(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def purge():
    _cache.clear()


def template(pattern, flags=0):
    return _compile(pattern, flags | TEMPLATE)


_SPECIAL = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def escape(pattern):
    if isinstance(pattern, str):
        return "".join("\\" + c if c in _SPECIAL else c for c in pattern)
    text = pattern.decode("latin-1")
    return "".join("\\" + c if c in _SPECIAL else c for c in text).encode("latin-1")

"""Pathname operations on POSIX paths (CPython's posixpath, the pure string functions only:
Kaa scripts have no file system to ask)."""

sep = "/"
altsep = None
extsep = "."
pathsep = ":"
curdir = "."
pardir = ".."
defpath = "/bin:/usr/bin"
devnull = "/dev/null"

__all__ = ["normcase", "isabs", "join", "splitdrive", "split", "splitext", "basename",
           "dirname", "commonprefix", "commonpath", "normpath", "relpath", "sep", "altsep",
           "extsep", "pathsep", "curdir", "pardir", "defpath", "devnull"]


def _fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), "__fspath__", None)
    if f is None:
        raise TypeError("expected str, bytes or os.PathLike object, not " + type(p).__name__)
    r = f(p)
    if not isinstance(r, (str, bytes)):
        raise TypeError("expected {}.__fspath__() to return str or bytes, not {}"
                        .format(type(p).__name__, type(r).__name__))
    return r


def _sep(p):
    return b"/" if isinstance(p, bytes) else "/"


def normcase(s):
    return _fspath(s)


def isabs(s):
    s = _fspath(s)
    return s.startswith(_sep(s))


def join(a, *p):
    a = _fspath(a)
    sep = _sep(a)
    path = a
    for b in map(_fspath, p):
        if isinstance(b, bytes) != isinstance(a, bytes):
            raise TypeError("Can't mix strings and bytes in path components")
        if b.startswith(sep):
            path = b
        elif not path or path.endswith(sep):
            path += b
        else:
            path += sep + b
    return path


def split(p):
    p = _fspath(p)
    sep = _sep(p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    p = _fspath(p)
    if isinstance(p, bytes):
        sep, extsep = b"/", b"."
    else:
        sep, extsep = "/", "."
    sep_index = p.rfind(sep)
    dot_index = p.rfind(extsep)
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index:filename_index + 1] != extsep:
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def basename(p):
    p = _fspath(p)
    i = p.rfind(_sep(p)) + 1
    return p[i:]


def dirname(p):
    p = _fspath(p)
    sep = _sep(p)
    i = p.rfind(sep) + 1
    head = p[:i]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def normpath(path):
    path = _fspath(path)
    if isinstance(path, bytes):
        sep, empty, dot, dotdot = b"/", b"", b".", b".."
    else:
        sep, empty, dot, dotdot = "/", "", ".", ".."
    if path == empty:
        return dot
    initial_slashes = path.startswith(sep)
    if initial_slashes and path.startswith(sep * 2) and not path.startswith(sep * 3):
        initial_slashes = 2
    comps = path.split(sep)
    new_comps = []
    for comp in comps:
        if comp in (empty, dot):
            continue
        if (comp != dotdot or (not initial_slashes and not new_comps) or
                (new_comps and new_comps[-1] == dotdot)):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    comps = new_comps
    path = sep.join(comps)
    if initial_slashes:
        path = sep * initial_slashes + path
    return path or dot


def commonprefix(m):
    if not m:
        return ""
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    paths = tuple(map(_fspath, paths))
    sep = _sep(paths[0])
    curdir = b"." if isinstance(paths[0], bytes) else "."
    split_paths = [path.split(sep) for path in paths]
    try:
        isabs, = set(p[:1] == sep for p in paths)
    except ValueError:
        raise ValueError("Can't mix absolute and relative paths") from None
    split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = sep if isabs else sep[:0]
    return prefix + sep.join(common)


def relpath(path, start=None):
    """Relative to `start`; both must be absolute (a script has no current directory)."""
    path = _fspath(path)
    sep = _sep(path)
    curdir, pardir = (b".", b"..") if isinstance(path, bytes) else (".", "..")
    if start is None:
        start = sep
    start = _fspath(start)
    if not path:
        raise ValueError("no path specified")
    if not (isabs(path) and isabs(start)):
        raise ValueError("relpath() needs absolute paths: sandboxed scripts have no "
                         "current directory")
    start_list = [x for x in normpath(start).split(sep) if x]
    path_list = [x for x in normpath(path).split(sep) if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return join(*rel_list)

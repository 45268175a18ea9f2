"""A sandboxed `os`: names, separators and path string functions (`os.path`, CPython's
posixpath), with no file, process or environment access (`environ` is empty)."""

import posixpath as path
import sys

sys.modules["os.path"] = path

name = "posix"
sep = path.sep
altsep = path.altsep
extsep = path.extsep
pathsep = path.pathsep
curdir = path.curdir
pardir = path.pardir
defpath = path.defpath
devnull = path.devnull
linesep = "\n"
environ = {}


def getenv(key, default=None):
    return environ.get(key, default)


def fspath(p):
    return path._fspath(p)


class PathLike:
    """Objects with `__fspath__` (an ABC in CPython)."""

    @classmethod
    def __subclasshook__(cls, C):
        return hasattr(C, "__fspath__") or NotImplemented

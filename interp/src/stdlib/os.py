"""A sandboxed `os`: names, separators and path string functions (`os.path`, CPython's
posixpath), with no file, process or environment access (`environ` is empty)."""

import abc
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


class PathLike(abc.ABC):
    """Objects with `__fspath__`: `isinstance(x, os.PathLike)` asks for the method."""

    @abc.abstractmethod
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, "__fspath__") or NotImplemented
        return NotImplemented

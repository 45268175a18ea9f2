# The sandboxed os module: names, separators and the os.path string functions (posixpath).
import os
import os.path
from os.path import join, splitext
import posixpath
print(os.path is posixpath, os.sep, os.name, os.linesep == "\n")
print(join("a", "b", "/c", "d"), join("a/", "b"), os.path.split("/a/b/c.txt"), os.path.split("//"), os.path.split("a"))
print(splitext("x/y.tar.gz"), splitext(".bashrc"), splitext("a/b.c/d"), os.path.basename("/a/b/"), os.path.dirname("/a/b/c"))
print(os.path.normpath("/a//b/./c/../d"), os.path.normpath("../x/.."), os.path.normpath("//a"), os.path.normpath(""), os.path.isabs("/x"))
print(os.path.commonprefix(["/usr/lib", "/usr/local"]), os.path.commonpath(["/usr/lib", "/usr/local"]), os.path.relpath("/a/b/c", "/a/x"))
print(os.getenv("HOME_NOPE", "dflt"), os.fspath("p"), join(b"a", b"b"))
try:
    join("a", b"b")
except TypeError as e:
    print("TypeError:", e)


class P:
    def __fspath__(self):
        return "/p"


print(isinstance(P(), os.PathLike), isinstance("x", os.PathLike), issubclass(P, os.PathLike), os.fspath(P()))

import collections.abc as cabc
from collections.abc import Iterable, Mapping, Sequence, MutableMapping, Callable, Sized, Hashable, Iterator, Generator, Set
import collections
print(collections.abc is cabc)
for v in [[], (), "s", {}, set(), 1, None, iter([]), (x for x in []), len, lambda: 0, range(3), b"", bytearray()]:
    print(type(v).__name__, isinstance(v, Iterable), isinstance(v, Sequence), isinstance(v, Mapping), isinstance(v, Callable), isinstance(v, Sized), isinstance(v, Hashable), isinstance(v, Iterator), isinstance(v, Generator))
class Bag(MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
b = Bag(); b["x"] = 1; b.update(y=2); b.setdefault("z", 3)
print(dict(b), "x" in b, b.get("q", 0), list(b.keys()), list(b.items()), b.pop("x"), len(b), b == {"y": 2, "z": 3})
class Seq(Sequence):
    def __init__(self, n): self.n = n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError
        return i * i
    def __len__(self): return self.n
s = Seq(5)
print(list(s), 9 in s, s.index(16), s.count(4), list(reversed(s)), isinstance(s, Iterable))
try:
    class Bad(Mapping): pass
    Bad()
except TypeError as e: print(e)
print(issubclass(list, cabc.MutableSequence), issubclass(dict, Mapping), issubclass(str, cabc.Collection), issubclass(int, Iterable))

# `import collections` alone reaches `collections.abc` (CPython 3.11 imports it with the
# package), and both spellings name the same classes.
import collections

print(collections.abc.Mapping, collections.abc.Iterable)
print(isinstance({}, collections.abc.MutableMapping), isinstance((), collections.abc.Sequence))
from collections import abc
import collections.abc as cabc

print(abc is collections.abc, cabc is abc)
print(issubclass(collections.OrderedDict, collections.abc.MutableMapping))
print(isinstance(collections.deque(), collections.abc.Sequence))
for c in (collections.deque, collections.OrderedDict, collections.Counter,
          collections.defaultdict, collections.ChainMap):
    print(c.__name__, [n for n in ("Sequence", "MutableSequence", "Mapping", "MutableMapping",
                                   "Iterable", "Sized", "Container", "Collection")
                       if issubclass(c, getattr(collections.abc, n))])

# typing.NamedTuple as a base class (PEP 560 __mro_entries__ on a function) and in its
# functional forms.
from typing import NamedTuple


class P(NamedTuple):
    x: int
    y: int = 0

    def norm1(self):
        return abs(self.x) + abs(self.y)

    @property
    def swapped(self):
        return P(self.y, self.x)


p = P(1)
print(p, p.x, p.y, p._asdict(), p.norm1(), p.swapped, isinstance(p, tuple))
print(P._fields, P._field_defaults, P.__annotations__, P.__name__, P.__module__)
print(p._replace(y=5), P._make([3, 4]), p == (1, 0), len(p), list(p))
a, b = P(7, 8)
print(a, b, P(y=2, x=1))
Q = NamedTuple("Q", [("a", int), ("b", str)])
print(Q(1, "z"), Q.__annotations__)
R = NamedTuple("R", a=int)
print(R(5))
try:
    class Bad(NamedTuple):
        x: int = 1
        y: int
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad2(NamedTuple):
        x: int
        def _asdict(self):
            return {}
except AttributeError as e:
    print("AttributeError:", e)
try:
    P(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
print(type(P).__name__, P.__mro__)

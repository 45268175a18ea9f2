# A 2D vector type: arithmetic dunders, in-place ops, comparisons, hashing, formatting.
import math

class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x=0.0, y=0.0):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y) if isinstance(o, Vec) else NotImplemented
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return math.hypot(self.x, self.y)
    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __bool__(self):
        return bool(self.x or self.y)
    def __iter__(self):
        yield self.x
        yield self.y
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __repr__(self):
        return f"Vec({self.x!r}, {self.y!r})"
    def __format__(self, spec):
        return f"({format(self.x, spec)}, {format(self.y, spec)})"
    def normalized(self):
        n = abs(self)
        return self / n if n else Vec()

a, b = Vec(3, 4), Vec(1, -2)
print(a + b, a - b, a * 2, 2 * a, a * b, -a, abs(a), a / 2)
c = a
c += b
print(c is a, a, bool(Vec()), bool(a), list(a), a[1], tuple(Vec(5, 6)))
print(f"{Vec(1/3, 2/3):.3f}", {Vec(1, 2): "p"}[Vec(1, 2)], Vec(1, 2) == Vec(1, 2), Vec(1, 2) != Vec(2, 1))
print(Vec(3, 4).normalized(), sum([Vec(1, 1), Vec(2, 2)], Vec()), max([Vec(1, 5), Vec(4, 0)], key=abs))
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
x, y = Vec(7, 8)
print(x, y)

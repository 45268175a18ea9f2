class Point:
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    @property
    def pair(self):
        return (self.x, self.y)
    @staticmethod
    def origin():
        return Point(0, 0)
    @classmethod
    def from_pair(cls, p):
        return cls(*p)
p = Point(1, 2); q = Point(3, 4)
print(p, q, p + q, (p + q).norm2(), p == Point(1, 2), p != q, p.pair, Point.origin(), Point.from_pair((5, 6)))
print(Point.count, p.count, len({p, Point(1, 2), q}))
p.z = 9; print(p.z, hasattr(p, "z"), hasattr(p, "w"), getattr(p, "w", "default"))
setattr(p, "w", 1); print(p.w); delattr(p, "w"); print(hasattr(p, "w"))
print(type(p).__name__, type(p) is Point, isinstance(p, Point), isinstance(p, object), isinstance(3, (str, int)))
print(Point.__name__, Point.__qualname__, p.__class__.__name__, sorted(vars(p)))
class Empty: pass
e = Empty(); print(type(e).__name__, isinstance(e, Empty))
class WithStr:
    def __str__(self): return "str!"
    def __repr__(self): return "repr!"
w = WithStr(); print(w, str(w), repr(w), [w], f"{w}", f"{w!r}")
class Counter:
    def __init__(self): self.n = 0
    def __call__(self, k=1): self.n += k; return self.n
c = Counter(); c(); c(5); print(c.n, callable(c), callable(3))
class Bool0:
    def __bool__(self): return False
class Len0:
    def __len__(self): return 0
print(bool(Bool0()), bool(Len0()), bool(Empty()), "yes" if Len0() else "no")

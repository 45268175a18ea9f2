class V:
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"V({self.x}, {self.y})"
    def __add__(self, o): return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o): return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return V(self.x * k, self.y * k)
    def __rmul__(self, k): return self * k
    def __truediv__(self, k): return V(self.x / k, self.y / k)
    def __neg__(self): return V(-self.x, -self.y)
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o): return isinstance(o, V) and self.x == o.x and self.y == o.y
    def __lt__(self, o): return abs(self) < abs(o)
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __iter__(self): return iter((self.x, self.y))
    def __contains__(self, v): return v in (self.x, self.y)
    def __bool__(self): return bool(self.x or self.y)
    def __hash__(self): return hash((self.x, self.y))
a, b = V(1, 2), V(3, 4)
print(a + b, b - a, a * 3, 3 * a, b / 2, -a, abs(b), a == V(1, 2), a != b, a < b, b > a)
print(len(a), a[0], a[-1], list(a), 2 in a, 9 in a, bool(V(0, 0)), sorted([b, a]), max(a, b))
x, y = a; print(x, y)
c = a; c += b; print(c, a)
class Acc:
    def __init__(self): self.v = []
    def __iadd__(self, o): self.v.append(o); return self
acc = Acc(); acc += 1; acc += 2; print(acc.v)
class Idx:
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d.get(k, "missing")
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
i = Idx(); i["a"] = 1; print(i["a"], i["b"]); del i["a"]; print(i["a"])
class Sl:
    def __getitem__(self, k): return k
s = Sl(); print(s[1], s[1:2], s[::2], s[1, 2], s[...])
class Cmp:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
    def __le__(self, o): return self.v <= o.v
    def __repr__(self): return f"C{self.v}"
print(sorted([Cmp(3), Cmp(1), Cmp(2)]), Cmp(1) <= Cmp(1), Cmp(2) > Cmp(1), Cmp(1) >= Cmp(2))
class R:
    def __radd__(self, o): return f"radd {o}"
    def __rsub__(self, o): return f"rsub {o}"
print(1 + R(), "s" - R() if False else 5 - R())
class Ctx:
    def __enter__(self): print("enter"); return "val"
    def __exit__(self, t, v, tb): print("exit", t.__name__ if t else None, v); return True
with Ctx() as v:
    print("body", v)
    raise ValueError("suppressed")
print("after with")
class Num:
    def __init__(self, v): self.v = v
    def __int__(self): return self.v
    def __float__(self): return self.v + 0.5
    def __index__(self): return self.v
    def __round__(self, n=None): return "rounded"
print(int(Num(3)), float(Num(3)), [0, 1, 2, 3][Num(2)], bin(Num(5)), round(Num(1)))

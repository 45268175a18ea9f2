class Meta(type):
    def __call__(cls, *a, **k):
        print("meta call", cls.__name__, a)
        return super().__call__(*a, **k)
class W(metaclass=Meta):
    def __init__(self, v): self.v = v
w = W(3); print(w.v)
class Vec:
    def __init__(self, *c): self.c = list(c)
    def __getitem__(self, i): return self.c[i]
    def __len__(self): return len(self.c)
v = Vec(1, 2, 3)
print(list(v), 2 in v, sorted(v, reverse=True), [x * 2 for x in v], sum(v), max(v))
a, b, c = v; print(a, b, c)
class It:
    def __init__(self, n): self.n = n; self.i = 0
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n: raise StopIteration
        self.i += 1
        return self.i
print(list(It(3)), list(zip(It(2), It(5))), dict(enumerate(It(2))))
class GetAttrAll:
    def __getattribute__(self, name):
        if name.startswith("x"): return "intercepted " + name
        return object.__getattribute__(self, name)
    def real(self): return "real"
g = GetAttrAll(); print(g.xyz, g.real())
class Num:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == (o.v if isinstance(o, Num) else o)
    def __hash__(self): return hash(self.v)
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"Num({self.v})"
s = {Num(1), Num(2), Num(1)}
print(len(s), Num(1) in s, {Num(3): "x"}[Num(3)], sorted([Num(3), Num(1)]), Num(2) == 2)
d = {1: "int"}
d[Num(1)] = "num"
print(d)
class Order:
    def __init__(self, v): self.v = v
    def __gt__(self, o): return self.v > o.v
    def __repr__(self): return f"O{self.v}"
print(sorted([Order(2), Order(1)], key=lambda o: o.v), Order(1) < Order(2), max(Order(1), Order(5)))
class Rich:
    def __format__(self, spec): return f"<{spec}>"
    def __str__(self): return "str"
    def __repr__(self): return "repr"
print(f"{Rich()}", f"{Rich():xyz}", format(Rich(), "q"), "{:abc}".format(Rich()), str(Rich()), [Rich()])
class Sized:
    def __len__(self): return 3
print(len(Sized()), bool(Sized()))
class Cont:
    def __contains__(self, x): return x == "yes"
print("yes" in Cont(), "no" in Cont(), "no" not in Cont())
class CallMe:
    def __call__(self, *a, **k): return (a, k)
print(CallMe()(1, x=2), callable(CallMe()))
class Attr:
    x = 1
    def __setattr__(self, k, v):
        super().__setattr__(k, v * 2)
a = Attr(); a.y = 5; print(a.y, a.x)
class Desc:
    def __get__(self, obj, typ): return ("get", obj is None, typ.__name__)
class HasDesc:
    d = Desc()
print(HasDesc.d, HasDesc().d[:2])
class Parent:
    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class Child(Parent, tag="child"): pass
class Child2(Parent): pass
print(Child.tag, Child2.tag)
class WithClassGetItem:
    def __class_getitem__(cls, item): return f"{cls.__name__}[{item}]"
print(WithClassGetItem[int])
print(type(None)(), int.__name__, (1).__class__.__name__, [].__class__ is list)
class Slots:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 1
s = Slots(); print(s.a, Slots.__slots__)
class Reverse:
    def __reversed__(self): return iter([3, 2, 1])
print(list(reversed(Reverse())))
class Neg:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __invert__(self): return "inv"
    def __abs__(self): return "abs"
print(-Neg(), +Neg(), ~Neg(), abs(Neg()))
class IOps:
    def __init__(self): self.log = []
    def __iadd__(self, o): self.log.append(("iadd", o)); return self
    def __isub__(self, o): self.log.append(("isub", o)); return self
    def __imul__(self, o): self.log.append(("imul", o)); return self
x = IOps(); x += 1; x -= 2; x *= 3; print(x.log)
class OnlyAdd:
    def __add__(self, o): return "added"
y = OnlyAdd(); y += 1; print(y)

class Temp:
    def __init__(self): self._c = 0
    @property
    def c(self): return self._c
    @c.setter
    def c(self, v):
        if v < -273: raise ValueError("too cold")
        self._c = v
    @c.deleter
    def c(self): print("deleting"); self._c = None
    f = property(lambda self: self._c * 9 / 5 + 32)
t = Temp(); t.c = 100; print(t.c, t.f)
try:
    t.c = -300
except ValueError as e:
    print(e)
try:
    t.f = 1
except AttributeError as e:
    print("AttributeError:", e)
del t.c; print(t.c)
class Desc:
    def __set_name__(self, owner, name): self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value): setattr(obj, self.name, value * 2)
class Holder:
    d = Desc()
h = Holder(); print(h.d); h.d = 5; print(h.d, h._d, type(Holder.d).__name__)
class Lazy:
    def __getattr__(self, name): return f"lazy {name}"
l = Lazy(); l.real = 1; print(l.real, l.other)
class Guard:
    def __setattr__(self, k, v):
        print("set", k, v)
        object.__setattr__(self, k, v)
g = Guard(); g.a = 1; print(g.a)
class Cls:
    @classmethod
    def make(cls): return cls.__name__
    @staticmethod
    def st(x): return x + 1
class Sub(Cls): pass
print(Cls.make(), Sub.make(), Sub().make(), Cls.st(1), Cls().st(2))
class Slots:
    x = 1
s1, s2 = Slots(), Slots(); s1.x = 2; print(s1.x, s2.x, Slots.x)

# Attribute loads, stores and method calls at one site must notice every change that
# alters their meaning: class changes, shadowing, deletion, __class__ assignment.
class A:
    def __init__(self, v):
        self.v = v

    def get(self):
        return "A.get"


class B(A):
    def get(self):
        return "B.get " + super().get()


class C(A):
    pass


def read(o):
    return o.v


def write(o, x):
    o.v = x


def call(o):
    return o.get()


objs = [A(1), B(2), C(3)]
for _ in range(3):
    print([read(o) for o in objs], [call(o) for o in objs])

# An instance attribute shadows the method once set, and stops shadowing once deleted.
a = objs[0]
a.get = lambda: "instance get"
print(call(a), call(objs[1]))
del a.get
print(call(a))

# Deleting and re-adding attributes moves them to other dict slots.
a.w = 5
del a.v
try:
    read(a)
except AttributeError as e:
    print("AttributeError:", e)
a.v = 10
print(read(a), a.__dict__)
for i in range(5):
    write(a, i)
print(read(a), a.__dict__)

# A property added to the class later takes precedence over the instance dict.
A.v = property(lambda self: "prop")
print([read(o) for o in objs])
del A.v
print([read(o) for o in objs])

# A __setattr__ added later intercepts stores at a warmed-up site.
log = []
def setattr_hook(self, k, x):
    log.append((k, x))
    object.__setattr__(self, k, x)
A.__setattr__ = setattr_hook
write(objs[2], 33)
print(log, read(objs[2]))
del A.__setattr__
write(objs[2], 34)
print(log, read(objs[2]))

# Methods replaced on the class are seen by a warmed-up call site.
A.get = lambda self: "new A.get"
print([call(o) for o in objs])

# __class__ assignment switches the class the caches check against.
class D:
    def get(self):
        return "D.get"

objs[2].__class__ = D
print(call(objs[2]), read(objs[2]))


# Properties with script getters, and one replaced by a plain attribute.
class P:
    def __init__(self):
        self._x = 1

    @property
    def x(self):
        return self._x * 10


def px(o):
    return o.x


p = P()
print([px(p) for _ in range(3)])
P.x = 7
print(px(p))
p.__dict__["x"] = 8
print(px(p))


# super() calls: methods, a classmethod, a property through super, and a non-function.
class Base:
    tag = "base"

    def hello(self, n):
        return f"Base.hello {n}"

    @classmethod
    def make(cls):
        return cls.__name__

    @property
    def kind(self):
        return "base kind"


class Derived(Base):
    def hello(self, n):
        return "Derived+" + super().hello(n)

    @classmethod
    def make(cls):
        return "D:" + super().make()

    def info(self):
        return super().kind, super().tag


d = Derived()
print([d.hello(i) for i in range(2)], Derived.make(), d.make(), d.info())
Base.hello = lambda self, n: f"patched {n}"
print(d.hello(3))

# Many classes through one site: more classes than the cache keeps per site.
classes = [type(f"K{i}", (), {"get": (lambda i: lambda self: i)(i)}) for i in range(6)]
items = [k() for k in classes] * 3
for o in items:
    o.v = o.get()
print([read(o) for o in items], [call(o) for o in items])


# Property setters at a warmed-up store site, then the property changes.
class S:
    def __init__(self):
        self._v = 0

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, x):
        if x < 0:
            raise ValueError("negative")
        self._v = x


def put(o, x):
    o.v = x


s_obj = S()
for i in range(3):
    put(s_obj, i)
print(s_obj.v)
try:
    put(s_obj, -1)
except ValueError as e:
    print("ValueError:", e)
S.v = property(lambda self: "read-only")
try:
    put(s_obj, 5)
except AttributeError as e:
    print("AttributeError:", e)
del S.v
put(s_obj, 6)
print(s_obj.v, s_obj.__dict__)

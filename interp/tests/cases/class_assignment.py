class A: pass
class B: pass
a = A()
a.__class__ = B
print(type(a))
for bad in [1, int, Exception]:
    try:
        a.__class__ = bad
    except TypeError as e:
        print(e)
class E(Exception): pass
class F(Exception): pass
e = E()
e.__class__ = F
print(type(e))
try:
    e.__class__ = A
except TypeError as x:
    print(x)
class S:
    __slots__ = ("x",)
try:
    a.__class__ = S
except TypeError as x:
    print(x)
try:
    del a.__class__
except TypeError as x:
    print(x)

class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
class Q(P):
    __slots__ = ("z",)
q = Q(1, 2); q.z = 3; print(q.z)
try:
    q.w = 1
except AttributeError as e:
    print("AttributeError:", e)
class R(P):
    pass
r = R(1, 2); r.anything = 5; print(r.anything)
class S:
    __slots__ = "only"
s = S(); s.only = 1
try:
    s.other = 2
except AttributeError as e:
    print("AttributeError:", e)
try:
    class T:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("ValueError:", e)
class U:
    __slots__ = ("a", "__dict__")
u = U(); u.b = 2; print(u.b)
try:
    print(P(1, 2).missing)
except AttributeError as e:
    print("AttributeError:", e)
class V:
    __slots__ = ()
    def __init__(self):
        pass
try:
    V().x = 1
except AttributeError as e:
    print("AttributeError:", e)

def trace(fn):
    def wrapper(*args, **kw):
        print("call", fn.__name__, args, kw)
        return fn(*args, **kw)
    return wrapper
@trace
def add(a, b): return a + b
print(add(1, b=2))
def repeat(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco
@repeat(3)
def hi(x): return x * 2
print(hi(4))
def register(cls):
    cls.registered = True
    return cls
@register
class K: pass
print(K.registered)
def d1(f): return lambda: "d1(" + f() + ")"
def d2(f): return lambda: "d2(" + f() + ")"
@d1
@d2
def base(): return "base"
print(base())
calls = []
def memo(fn):
    cache = {}
    def w(n):
        if n not in cache:
            calls.append(n)
            cache[n] = fn(n)
        return cache[n]
    return w
@memo
def fibm(n): return n if n < 2 else fibm(n - 1) + fibm(n - 2)
print(fibm(30), len(calls))
class Deco:
    def __init__(self, f): self.f = f; self.n = 0
    def __call__(self, *a): self.n += 1; return self.f(*a)
@Deco
def sq(x): return x * x
print(sq(3), sq(4), sq.n)

def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9))
print(f(*[1, 2, 3], **{"c": 0, "z": 1}))
def g(a, /, b, *, c): return a + b + c
print(g(1, 2, c=3), g(1, b=2, c=3))
def h(x=[]):
    x.append(1); return x
print(h(), h(), h([0]))
def outer():
    v = 1
    def inner():
        nonlocal v
        v += 1
        return v
    return inner
fn = outer(); print(fn(), fn(), fn())
counter = 0
def inc():
    global counter
    counter += 1
inc(); inc(); print(counter)
sq = lambda x, y=1: x * x + y
print(sq(3), sq(3, 0), (lambda: "noargs")(), (lambda *a, **k: (a, k))(1, x=2))
def rec(n): return 1 if n <= 1 else n * rec(n - 1)
print(rec(20), rec(30))
def doc():
    "docstring here"
    return doc.__doc__
print(doc(), doc.__name__, f.__name__, sq.__name__)
def gen_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([a(10) for a in gen_adders()])
def closures():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(closures())
def kwonly(*, a, b=2): return a * b
print(kwonly(a=3), kwonly(b=5, a=2))
def varkw(**kw): return sorted(kw.items())
print(varkw(z=1, a=2))
def ret_multi(): return 1, 2
a, b = ret_multi(); print(a, b)
def noret(): pass
print(noret())
print(f.__defaults__, g.__qualname__, outer.__qualname__, fn.__qualname__)

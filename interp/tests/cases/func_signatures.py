# Calling conventions: defaults, keyword-only, positional-only, *args/**kwargs, unpacking, errors.
def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, kw)

print(f(1, d=4))
print(f(1, 2, 3, 4, 5, d=6, z=7))
print(f(*[1, 2], **{"d": 0, "c": 9}))
for call in [lambda: f(), lambda: f(1), lambda: f(1, a=1, d=2), lambda: f(1, d=1, d2=3) or "ok", lambda: f(1, 2, 3, d=1, e=2, e2=3)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)

def g(x, y, z):
    return x + y + z
try:
    g(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, y=2, x=3)
except TypeError as e:
    print("TypeError:", e)
print(g(*"ab", z="c"), g(**dict(x=1, y=2, z=3)), (lambda *a, **k: (a, k))(*range(3), **{"k": 1}))
def defaults(n, acc=[]):
    acc.append(n)
    return acc
print(defaults(1), defaults(2), defaults.__defaults__, f.__kwdefaults__, f.__code__.co_argcount if hasattr(f, "__code__") else "")

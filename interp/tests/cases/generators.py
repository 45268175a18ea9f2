def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(5)), sum(count(101)), max(count(3)))
g = count(2)
print(next(g), next(g), next(g, "done"))
def echo():
    x = yield "ready"
    while True:
        x = yield f"got {x}"
e = echo(); print(next(e), e.send(1), e.send("two"))
def closing():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
c = closing(); print(next(c)); c.close(); print("closed")
def thrower():
    try:
        yield 1
    except ValueError as ex:
        yield f"caught {ex}"
t = thrower(); next(t); print(t.throw(ValueError("boom")))
def sub():
    yield 1
    yield 2
    return "sub-result"
def deleg():
    r = yield from sub()
    yield r
print(list(deleg()))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib(); print([next(f) for _ in range(10)])
gen = (x * x for x in range(5)); print(gen.__class__.__name__, list(gen), list(gen))
print(sum(x for x in range(10) if x % 2))
def ret_val():
    yield 1
    return 42
r = ret_val(); next(r)
try:
    next(r)
except StopIteration as si:
    print("stop value", si.value)
def gen_exc():
    yield 1
    raise KeyError("k")
try:
    for v in gen_exc(): print("v", v)
except KeyError as ke:
    print("keyerror", ke)
def nested_yield_from():
    yield from range(3)
    yield from "ab"
print(list(nested_yield_from()))
def pep479():
    yield 1
    raise StopIteration
try:
    list(pep479())
except RuntimeError as re:
    print("RuntimeError:", re)
print(list(zip(count(3), "abc")), list(enumerate(count(2), 1)))

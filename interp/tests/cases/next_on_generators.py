# next() on generators (resumed inline by the eval loop), finished ones, errors, coroutines.
def g():
    yield 1
    yield 2
    return "done"
it = g()
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("stop", repr(e), e.value, e.args)
try:
    next(it)
except StopIteration as e:
    print("stop2", repr(e), e.value, e.args)
def bad():
    yield 1
    raise ValueError("boom")
b = bad()
print(next(b))
try:
    next(b)
except ValueError as e:
    print("VE", e)
def stopper():
    yield 1
    raise StopIteration("x")
s = stopper()
next(s)
try:
    next(s)
except RuntimeError as e:
    print("RE", e, type(e.__cause__).__name__)
def inner():
    x = yield 1
    print("got", x)
    yield 2
def outer():
    r = yield from inner()
    yield 3
o = outer()
print(next(o), next(o), next(o))
def selfref():
    yield next(me)
me = selfref()
try:
    next(me)
except ValueError as e:
    print("VE2", e)
async def co():
    return 1
c = co()
try:
    next(c)
except TypeError as e:
    print("TE", e)
c.close()
print(next(iter([5])), next(x for x in [7]))
def deep():
    yield next(g2())
def g2():
    yield 42
print(next(deep()))

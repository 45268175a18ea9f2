def g1():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("g1 exit")
        raise
    finally:
        print("g1 finally")
it = g1()
print(next(it))
it.close()
print(it.close())
def g2():
    try:
        yield "a"
    except ValueError as e:
        yield f"recovered {e}"
    yield "end"
it = g2()
print(next(it), it.throw(ValueError("oops")), next(it))
try:
    next(it)
except StopIteration:
    print("g2 exhausted")
def g3():
    yield 1
it = g3()
try:
    it.throw(KeyError("before start"))
except KeyError as e:
    print("thrown before start:", e)
print(list(it))
def g4():
    try:
        yield
    finally:
        yield "bad"
it = g4()
next(it)
try:
    it.close()
except RuntimeError as e:
    print(e)
def inner():
    try:
        x = yield 1
        print("inner got", x)
        y = yield 2
        print("inner got", y)
    except ValueError:
        yield "inner caught"
    return "inner done"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield "outer end"
it = outer()
print(next(it), it.send("s1"), it.throw(ValueError), next(it))
def g5():
    return 5
    yield
it = g5()
try:
    next(it)
except StopIteration as e:
    print("return value", e.value)
def g6():
    yield from [1, 2]
    yield from (x * 10 for x in range(2))
    yield from "ab"
print(list(g6()))
def g7(n):
    if n == 0:
        return
    yield n
    yield from g7(n - 1)
print(list(g7(5)))
gen = (i for i in range(3))
print(gen.send(None), next(gen), list(gen))
def counter():
    i = 0
    while True:
        cmd = yield i
        if cmd == "reset":
            i = 0
        else:
            i += 1
c = counter()
print(next(c), next(c), c.send("reset"), next(c))

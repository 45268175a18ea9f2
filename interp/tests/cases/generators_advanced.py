def gen_with_return():
    x = yield 1
    y = yield x * 2
    return x + y
g = gen_with_return()
print(next(g), g.send(5), end=" ")
try:
    g.send(10)
except StopIteration as e:
    print("returned", e.value)
def delegator():
    result = yield from gen_with_return()
    yield "result was", result
d = delegator()
print(next(d), d.send(3), d.send(4))
def infinite():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    return [x for _, x in zip(range(n), it)]
print(take(5, infinite()), take(3, (x * x for x in infinite())))
def pipeline():
    nums = (i for i in range(20))
    evens = (n for n in nums if n % 2 == 0)
    squares = (n * n for n in evens)
    return list(squares)
print(pipeline())
def closer():
    try:
        while True:
            yield
    except GeneratorExit:
        print("got GeneratorExit")
c = closer(); next(c); c.close(); c.close()
print(list(zip(*[iter(range(6))] * 2)))
gen = (i for i in range(3))
print(next(gen), list(gen), next(gen, "exhausted"))
def countdown(n):
    while n > 0:
        yield n
        n -= 1
print(list(countdown(5)), sum(countdown(100)), sorted(countdown(3)))

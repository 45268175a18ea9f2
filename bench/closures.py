# Closures and higher-order functions: counters, composed functions, map/filter, reduce.
from functools import reduce


def make_counter():
    n = 0

    def inc(k=1):
        nonlocal n
        n += k
        return n
    return inc


def compose(*fs):
    def run(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return run


def adder(k):
    return lambda x: x + k


def memo(f):
    cache = {}

    def wrapped(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return wrapped


c = make_counter()
for i in range(1000000):
    c(i % 3)
pipeline = compose(adder(1), lambda x: x * 2, adder(-3), abs)
s = 0
for i in range(500000):
    s += pipeline(i - 250000)
mapped = sum(map(lambda x: x * 3, filter(lambda x: x % 4 == 1, range(1000000))))
red = reduce(lambda a, b: (a * 31 + b) % 1000003, range(2000000), 7)
fns = [adder(i) for i in range(100)]
t = 0
for i in range(20000):
    for f in fns:
        t = f(t) % 100000


@memo
def slow_sq(n):
    return n * n


m = sum(slow_sq(i % 5000) for i in range(1000000))
print(c(0), s, mapped, red, t, m)

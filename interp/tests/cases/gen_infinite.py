# Infinite generators consumed lazily: primes, fibonacci, collatz, with islice/takewhile.
from itertools import islice, takewhile, count

def primes():
    found = []
    for n in count(2):
        if all(n % p for p in takewhile(lambda p: p * p <= n, found)):
            found.append(n)
            yield n

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1

print(list(islice(primes(), 15)))
print(list(takewhile(lambda x: x < 200, fib())))
print(list(collatz(27))[:10], len(list(collatz(27))), max(collatz(27)))
print(max(range(1, 1000), key=lambda n: sum(1 for _ in collatz(n))))
g = fib()
print([next(g) for _ in range(5)], next(islice(fib(), 90, None)))

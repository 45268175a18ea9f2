# Custom iterators and iterables: separate iterator objects, reuse, sentinel iter, __getitem__ fallback.
class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        return CountdownIter(self.start)

class CountdownIter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

c = Countdown(3)
print(list(c), list(c), sum(c), [x * y for x in c for y in c][:4])
it = iter(c)
print(next(it), next(it), next(it), next(it, "end"))

class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError
        return i * i
print(list(Squares()), 9 in Squares(), list(enumerate(Squares(), 1))[-1])

data = iter([1, 2, 3, None, 4])
print(list(iter(lambda: next(data), None)))
lines = iter(["a", "b", "", "c"])
print(list(iter(lines.__next__, "")))
class Fib:
    def __init__(self):
        self.a, self.b = 0, 1
    def __iter__(self):
        return self
    def __next__(self):
        self.a, self.b = self.b, self.a + self.b
        return self.a
f = Fib()
print([next(f) for _ in range(10)], next(zip(f, "x")))

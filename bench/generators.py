# Generators and coroutine resumption: pipelines, yield from, send().
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x


def scaled(src, k):
    for x in src:
        yield x * k


def chained(n):
    yield from count(n)
    yield from count(n // 2)


def averager():
    total = 0
    n = 0
    avg = None
    while True:
        x = yield avg
        total += x
        n += 1
        avg = total / n


def tasks(n):
    # Round-robin "tasks" resumed one step at a time, like a game's script coroutines.
    def worker(k):
        acc = 0
        for i in range(k):
            acc += i
            yield
        return acc

    live = [worker(50 + i % 50) for i in range(n)]
    done = 0
    while live:
        nxt = []
        for w in live:
            try:
                next(w)
                nxt.append(w)
            except StopIteration as e:
                done += e.value
        live = nxt
    return done


s1 = sum(scaled(evens(count(5000000)), 3))
s2 = sum(chained(2400000))
a = averager()
next(a)
last = 0.0
for i in range(1000000):
    last = a.send(i)
s3 = sum(x for x in range(1000000) if x % 3)
print(s1, s2, last, s3, tasks(30000))

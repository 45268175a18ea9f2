# gi_yieldfrom / cr_await: the iterator a suspended generator delegates to, else None.
def inner():
    yield 1
    yield 2
    return "done"


def outer():
    r = yield from inner()
    yield r
    yield "plain"


g = outer()
print(g.gi_yieldfrom)
print(next(g), type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.__name__)
sub = g.gi_yieldfrom
print(next(g), g.gi_yieldfrom is sub, sub.gi_running)
print(next(g), g.gi_yieldfrom)
print(next(g), g.gi_yieldfrom)
g.close()
print(g.gi_yieldfrom)


def over_list():
    yield from [10, 20]
    yield 30


h = over_list()
print(next(h), type(h.gi_yieldfrom).__name__, next(h), next(h), h.gi_yieldfrom)


class Wait:
    def __await__(self):
        yield "tick"
        return 7


async def job():
    v = await Wait()
    return v * 6


c = job()
print(c.cr_await)
print(c.send(None), type(c.cr_await).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value, c.cr_await)

# async with / async for over user-defined protocol objects, driven by hand (no event loop).
import types

@types.coroutine
def suspend(tag):
    got = yield tag
    return got

class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        print("enter", self.name, await suspend("entering " + self.name))
        return self
    async def __aexit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, await suspend("leaving " + self.name))
        return self.suppress

class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        await suspend(f"tick {self.n}")
        return self.n

async def main():
    async with Resource("a") as a, Resource("b") as b:
        print("inside", a.name, b.name)
    async with Resource("quiet", suppress=True):
        raise ValueError("swallowed")
    try:
        async with Resource("loud"):
            raise KeyError("propagates")
    except KeyError as e:
        print("caught", e)
    total = 0
    async for i in Countdown(3):
        total += i
        print("item", i)
    else:
        print("loop finished, total", total)
    async for i in Countdown(5):
        if i == 2:
            print("breaking at", i)
            break
    else:
        print("not reached")
    async for i in Countdown(4):
        if i % 2:
            continue
        print("even", i)
    for r in ["x", "y"]:
        async with Resource(r):
            if r == "x":
                continue
            return "returned from inside async with"

def run(coro):
    sent = None
    steps = 0
    while True:
        try:
            tag = coro.send(sent)
        except StopIteration as e:
            print("result:", e.value, "after", steps, "steps")
            return
        steps += 1
        sent = steps

run(main())

class NoAiter:
    pass

class BadAiter:
    def __aiter__(self):
        return 42

async def bad(obj):
    async for x in obj:
        pass

async def bad_with():
    async with NoAiter():
        pass

for make in [lambda: bad(NoAiter()), lambda: bad(BadAiter()), bad_with]:
    try:
        make().send(None)
    except TypeError as e:
        print("TypeError:", e)

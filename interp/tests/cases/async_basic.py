async def add(a, b):
    return a + b
async def main():
    x = await add(1, 2)
    y = await add(x, 10)
    return [x, y]
coro = main()
print(type(coro).__name__)
try:
    coro.send(None)
except StopIteration as e:
    print("result", e.value)
class Awaitable:
    def __await__(self):
        yield "suspended"
        return 99
async def uses_awaitable():
    v = await Awaitable()
    return v + 1
c = uses_awaitable()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print("done", e.value)
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def chain(n):
    if n == 0:
        return 0
    return n + await chain(n - 1)
print(run(chain(10)))

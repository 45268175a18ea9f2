def g():
    yield 1
class C:
    def m(self):
        yield 2
x = g()
print(x.__name__, x.__qualname__, repr(x)[:22], C().m().__qualname__)
async def co(): pass
c = co()
print(c.__name__, c.__qualname__, repr(c)[:24])
c.close()

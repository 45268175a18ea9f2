# A generator resumed from native code (sum) nested past the native depth limit: the
# RecursionError is raised to the innermost resumer and can be caught there.
def g():
    yield sum(g())


try:
    print(sum(g()))
except RecursionError:
    print("caught RecursionError")


def h(n):
    try:
        yield sum(h(n + 1))
    except RecursionError:
        yield -1
    finally:
        pass


print(sum(h(0)) < 0)

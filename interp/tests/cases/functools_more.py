# functools: partial, reduce, wraps, cached_property, singledispatch, cmp_to_key.
from functools import partial, reduce, wraps, cached_property, singledispatch, cmp_to_key

def power(base, exp):
    return base ** exp
square = partial(power, exp=2)
cube = partial(power, exp=3)
print(square(7), cube(2), square.func is power, square.keywords, reduce(lambda a, b: a * b, range(1, 6)), reduce(max, [3, 9, 2], 0))

def logged(fn):
    @wraps(fn)
    def inner(*a, **k):
        print(f"call {fn.__name__}{a}")
        return fn(*a, **k)
    return inner

@logged
def add(a, b):
    "Add two numbers."
    return a + b
print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__(1, 1))

class Circle:
    def __init__(self, r):
        self.r = r
    @cached_property
    def area(self):
        print("computing area")
        return 3.14159 * self.r ** 2
c = Circle(2)
print(c.area, c.area, "area" in vars(c))

@singledispatch
def describe(x):
    return f"object {x!r}"
@describe.register
def _(x: int):
    return f"int {x}"
@describe.register(list)
def _(x):
    return f"list of {len(x)}"
print(describe(3), describe([1, 2]), describe("s"), describe(True))

def by_length_then_alpha(a, b):
    return (len(a) > len(b)) - (len(a) < len(b)) or (a > b) - (a < b)
print(sorted(["ccc", "a", "bb", "aa", "b"], key=cmp_to_key(by_length_then_alpha)))

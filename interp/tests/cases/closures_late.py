# Closures: late binding, default-argument capture, nonlocal counters and factories.
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])

def counter(start=0, step=1):
    n = start
    def tick():
        nonlocal n
        n += step
        return n
    def reset():
        nonlocal n
        n = start
    return tick, reset

tick, reset = counter(10, 5)
print(tick(), tick(), tick())
reset()
print(tick())

def make_multipliers():
    return {name: (lambda k: lambda x: x * k)(k) for name, k in [("double", 2), ("triple", 3)]}
m = make_multipliers()
print(m["double"](7), m["triple"](7))

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()()
print(outer())
print([c.cell_contents for c in tick.__closure__] if tick.__closure__ else None)

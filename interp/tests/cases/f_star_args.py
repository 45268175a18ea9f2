def f(a, *rest):
    return a, rest
print(f(1), f(1, 2, 3), f(*'abc'), f(*range(2), *[9]))

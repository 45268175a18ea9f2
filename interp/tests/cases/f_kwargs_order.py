def f(**kw):
    return list(kw)
print(f(b=1, a=2, c=3), f(**{'z': 1, 'y': 2}))

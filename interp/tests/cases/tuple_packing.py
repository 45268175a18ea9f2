t = 1, 2, 3
a, *b = t
print(t, a, b, (1,) == (1,), () == tuple(), type((1)), type((1,)))

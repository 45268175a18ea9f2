g = (x * x for x in range(5))
print(next(g), list(g), sum(x for x in range(5)), max(len(w) for w in ['a', 'abc']), tuple(c for c in 'ab'))

f = frozenset([3, 1, 2])
print(f, 1 in f, f | {4}, f & {1, 9}, hash(f) == hash(frozenset([1, 2, 3])), {f: 'ok'}[frozenset({1, 2, 3})])

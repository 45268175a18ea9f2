pairs = [(1, 'c'), (0, 'b'), (1, 'a'), (0, 'd'), (1, 'b')]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
pairs.sort(key=lambda p: p[1]); print(pairs)

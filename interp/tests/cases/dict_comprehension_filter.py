words = ['apple', 'bob', 'cat', 'anna']
print({w: w[::-1] for w in words if w[0] == 'a'}, {len(w): w for w in words}, {i: i * i for i in range(4)})

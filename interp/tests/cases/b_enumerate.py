print(list(enumerate('abc')), list(enumerate('abc', 5)), list(enumerate([], 1)))
for i, c in enumerate('xy', start=-1): print(i, c)

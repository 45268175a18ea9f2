index = 1.5
print('abc'[index])

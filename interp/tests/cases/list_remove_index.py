a = ['x', 'y', 'x', 'z']
a.remove('x')
print(a, a.index('x'), a.index('z'), a.count('x'), 'y' in a)
try:
    a.remove('q')
except ValueError as e:
    print(e)

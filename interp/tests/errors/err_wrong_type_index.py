items = ['a', 'b']
print(items['0'])

data = ['aa', 'b', 'cccc', 'dd']
print(max(data), min(data), max(data, key=len), min(data, key=len), max(3, 5, key=lambda v: -v))

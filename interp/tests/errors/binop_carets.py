a = 1
b = 'x'
result = a * 2 + b

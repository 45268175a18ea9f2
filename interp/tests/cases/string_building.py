parts = []
for i in range(5):
    parts.append(f'{i}:{i * i}')
print(';'.join(parts))
s = ''
for c in 'abc':
    s += c * 2
print(s, len(s))

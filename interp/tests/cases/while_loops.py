n, total = 0, 0
while n < 10:
    n += 1
    if n % 2 == 0:
        continue
    total += n
print(total)
i = 10
while i > 0:
    i -= 3
print(i)
found = False
data = [5, 3, 8, 1]
idx = 0
while idx < len(data):
    if data[idx] == 8:
        found = True
        break
    idx += 1
else:
    print("not found")
print(found, idx)
a, b = 0, 1
fibs = []
while a < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
x = 1000
steps = 0
while x != 1:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    steps += 1
print(steps)

for i in range(3):
    if i == 0: print("zero")
    elif i == 1: print("one")
    else: print("other")
n = 0
while n < 5:
    n += 1
    if n == 2: continue
    if n == 4: break
    print("n", n)
else:
    print("no break")
for i in range(2):
    pass
else:
    print("for else")
for i in range(5):
    if i == 3:
        break
else:
    print("not printed")
k = 3
while k:
    k -= 1
else:
    print("while else", k)
for i in range(3):
    for j in range(3):
        if j == 1: break
        print(i, j)
x = 5 if True else 6; print(x, 1 if 0 else 2)
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 0, not 1, not 0, [] or "d")
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1 != 2, 3 > 2 >= 2 > 1)
if (y := 10) > 5: print("walrus", y)
vals = [1, 2, 3, 4]
print([z for v in vals if (z := v * 2) > 4])
i = 0
while True:
    i += 1
    if i > 100: break
print(i)

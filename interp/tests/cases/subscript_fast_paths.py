# List and tuple indexing, list item stores and range() calls through the eval loop's fast
# paths, with the edge cases they must hand back to the general path.
xs = [10, 20, 30]
t = (1, 2, 3)
print(xs[0], xs[-1], xs[-3], t[1], t[-1])
for bad in (3, -4, 2**70, -2**70):
    try:
        xs[bad]
    except IndexError as e:
        print("IndexError:", e)
    try:
        xs[bad] = 0
    except IndexError as e:
        print("IndexError:", e)
try:
    t[5]
except IndexError as e:
    print("IndexError:", e)
xs[-1] = 99
xs[True] = 7
print(xs, xs[True], xs[False], t[True])
try:
    xs["a"]
except TypeError as e:
    print("TypeError:", e)
try:
    t[0] = 1
except TypeError as e:
    print("TypeError:", e)


class L(list):
    def __getitem__(self, i):
        return ("L", i)

    def __setitem__(self, i, v):
        print("set", i, v)


ll = L([1, 2])
print(ll[0])
ll[1] = 5
print(list(range(3)), list(range(2, 5)), list(range(5, 2)), list(range(-3)), list(range(0)))
print(range(3), range(1, 4), range(10**20)[-1], list(range(True, 3)))
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    range()
except TypeError as e:
    print("TypeError:", e)
b = [[0.0] * 3 for _ in range(2)]
for i in range(2):
    b[i][1] += 1.5
    b[i][2] -= i
print(b)
import math
print(math.sqrt(16.0), math.floor(2.5), [math.gcd(12, k) for k in range(1, 5)])
r = range(10**20)
print(r[-1], r[0], r[5], r[10**19], range(-10**20, 0, 3)[-1], range(5)[True])
for bad in (10**20, -10**20 - 1):
    try:
        r[bad]
    except IndexError as e:
        print("IndexError:", e)
try:
    range(5)[2**70]
except IndexError as e:
    print("IndexError:", e)
try:
    r[1.0]
except TypeError as e:
    print("TypeError:", e)

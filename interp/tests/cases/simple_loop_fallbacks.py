# Loops made only of simple instructions (locals, constants, int/float arithmetic, compares,
# jumps, indexing, for over range/list/tuple) run in a faster inner loop; every case it cannot
# finish must behave exactly as usual.


def overflow():
    # int arithmetic leaves 64 bits mid-loop
    x = 1
    i = 0
    while i < 70:
        x = x * 3 + 1
        i += 1
    return x


def neg_min():
    xs = [-9223372036854775807 - 1, 5, -7]
    out = []
    for x in xs:
        out.append(-x)
    total = 0
    for x in xs:
        total = total - (-x)
    return out, total


def mixed():
    s = 0
    t = 0.5
    i = 0
    while i < 10:
        s = s + i * t
        if not i:
            s += 100
        i += 1
    return s


def unbound(n):
    i = 0
    while i < n:
        if i == 3:
            print(k)
        i += 1
        if i > 10:
            k = i


def index_error():
    xs = [1, 2, 3]
    i = 0
    s = 0
    while True:
        s += xs[i]
        i += 1


def negative_indexes():
    xs = [10, 20, 30, 40]
    t = (1, 2, 3)
    s = 0
    for i in range(-4, 4):
        s += xs[i] * t[i % 3]
        xs[i] = s % 7
    return s, xs


def iterate_sequences():
    s = 0
    for x in [1, 2, 3]:
        for y in (4, 5):
            s += x * y
    for x in []:
        s += 1000
    return s


def shuffles():
    a, b = 1, 2
    i = 0
    while i < 5:
        a, b = b, a + b
        i += 1
    xs = [1, 2, 3]
    i = 0
    while i < 3:
        xs[i] += i * 10
        i += 1
    return a, b, xs


def truthiness():
    out = []
    for v in [0, 1, None, True, False, "", "x", 0.0, 2.5, [], [0]]:
        n = 0
        if v:
            n = 1
        out.append(n)
        out.append(v and 7)
        out.append(v or 8)
    return out


def strings_in_loop():
    s = ""
    i = 0
    while i < 5:
        s = s + "ab"[i % 2]
        i += 1
    return s


def compare_kinds():
    out = []
    for a, b in [(1, 2), (2.5, 2), (3, 3.0), ("a", "b"), ((1, 2), (1, 3))]:
        r = 0
        if a < b:
            r = 1
        out.append(r)
        out.append(a == b)
    return out


def division():
    xs = [5, 0, 2]
    s = 0.0
    i = 0
    while i < 3:
        s += 10 / xs[i]
        i += 1
    return s


print(overflow())
print(neg_min())
print(mixed())
try:
    unbound(5)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    index_error()
except IndexError as e:
    print("IndexError:", e)
print(negative_indexes())
print(iterate_sequences())
print(shuffles())
print(truthiness())
print(strings_in_loop())
print(compare_kinds())
try:
    division()
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
deep = 0
for i in range(100000):
    deep += i & 7
print(deep)

x = 5
print(1 < x < 10, 1 < x > 3, 10 > x >= 5, x == 5 == 5.0, 1 < 2 < 3 < 4 < 5, 1 < 2 > 3 < 4)
def noisy(v, tag):
    print("eval", tag)
    return v
print(noisy(1, "a") < noisy(2, "b") < noisy(0, "c") < noisy(5, "d"))
print(0 < x < 3 or x in (5, 6), "a" < "b" != "c", None is None is not False)
print([i for i in range(20) if 3 < i <= 7], 2 in [1, 2] in [[1, 2]], (1 < 2) == True)

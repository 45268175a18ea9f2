# int / int is correctly rounded (CPython's long_true_divide), also past 2**53 and for big ints.
import random

r = random.Random(5)
vals = [0, 1, -1, 3, 7, 2**53, 2**53 + 1, 2**53 - 1, 2**63 - 1, -2**63, 2**64 + 3, 10**30,
        -(10**40) + 7, 2**1023, 3**700]
for _ in range(20):
    vals.append(r.getrandbits(r.randint(1, 200)) * r.choice([1, -1]))
for a in vals:
    row = []
    for b in vals:
        try:
            row.append(repr(a / b))
        except (ZeroDivisionError, OverflowError) as e:
            row.append(type(e).__name__)
    print(" ".join(row))
print(repr(0 / -2**63), repr(-0 / 5), repr(1 / 3**800), repr(3**800 / 7**900))
for a, b in [(1, 10**320), (2**1100, 2**80), (5, -(10**330)), (2**1075, 3)]:
    try:
        print(repr(a / b))
    except OverflowError as e:
        print("OverflowError", e)

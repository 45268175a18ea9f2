# fractions.Fraction: construction, exact arithmetic, comparisons with floats, hashing.
from fractions import Fraction
print(Fraction(3, 4) + Fraction(1, 4), Fraction(1, 3) * 3, Fraction("2.5"), Fraction(0.1), Fraction(1, 3) < 0.34, repr(Fraction(-6, 4)))
print(Fraction(355, 113).limit_denominator(10), float(Fraction(1, 8)), Fraction(7, 2) // 1, round(Fraction(5, 2)), hash(Fraction(1, 2)) == hash(0.5), Fraction(3) == 3)
print(sum(Fraction(1, n) for n in range(1, 6)), Fraction(2, 3) ** 2, Fraction(1, 2) ** -2, abs(Fraction(-1, 2)), Fraction(5, 1), str(Fraction(7, 3)))
print(Fraction(" -3/9 "), Fraction("1e-2"), Fraction(1, 2) + 1, 1 - Fraction(1, 3), Fraction(1, 2) * 0.5, 2 / Fraction(4), Fraction(7, 3) % 1)
print(sorted([Fraction(1, 2), 0.3, 1, Fraction(1, 3)]), max(Fraction(9, 10), 0.95), Fraction(6, 4).numerator, Fraction(6, 4).denominator)
print(Fraction(1, 3).as_integer_ratio(), Fraction.from_float(0.25), int(Fraction(-7, 2)), round(Fraction(7, 3), 2), {Fraction(2, 4): "half"}[Fraction(1, 2)])
for bad in ["1/0", "abc"]:
    try:
        Fraction(bad)
    except (ZeroDivisionError, ValueError) as e:
        print(type(e).__name__, e)

# Roman numerals both ways, with validation errors.
NUMERALS = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]

def to_roman(n):
    if not 0 < n < 4000:
        raise ValueError(f"{n} out of range")
    out = []
    for value, sym in NUMERALS:
        count, n = divmod(n, value)
        out.append(sym * count)
    return "".join(out)

def from_roman(s):
    values = {sym: v for v, sym in NUMERALS if len(sym) == 1}
    total = 0
    for a, b in zip(s, s[1:] + " "):
        va = values[a]
        total += -va if b != " " and values[b] > va else va
    if to_roman(total) != s:
        raise ValueError(f"malformed numeral {s!r}")
    return total

for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
    r = to_roman(n)
    print(n, r, from_roman(r))
for bad in [0, 4000]:
    try:
        to_roman(bad)
    except ValueError as e:
        print("error:", e)
for bad in ["IIII", "VX", "MMMM"]:
    try:
        print(from_roman(bad))
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)

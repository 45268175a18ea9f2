# Floats: shortest repr, rounding modes, formatting, special values and integer ratios.
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e-7, 123456789.123456789, 2.5, -0.0, 5e-324, 1.7976931348623157e308]
for v in vals:
    print(repr(v), str(v), f"{v:.3g}", f"{v:e}", round(v, 2))
print([round(x) for x in (0.5, 1.5, 2.5, -0.5, -1.5)], round(2.675, 2), round(1.005, 2), round(1234.5678, -2))
print(float("inf") - float("inf"), float("nan") == float("nan"), 1e308 * 10, -1e308 * 10, (0.1).as_integer_ratio())
print(int(2.9), int(-2.9), 7 / 2, 7 // 2, -7 // 2, 7.5 // 2, -7.5 % 2, divmod(7.5, -2), 2 ** 0.5, (-8) ** (1 / 3))
print(sum([1e100, 1.0, -1e100]), 0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-15, float("  -1.5e3 "), float("1_000.5"))
print(1.0.is_integer(), (3.5).hex(), float.fromhex("0x1.8p1"), 10 ** -2, 10.0 ** 20, 1e22, 1e23)

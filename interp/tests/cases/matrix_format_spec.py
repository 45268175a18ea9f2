values = [0, 7, -42, 1234567, 2**70, 3.14159, -0.5, 1e-7, 1e21, 0.0, -0.0, float("inf"), float("nan"), True, "text", ""]
specs = ["", "5", "<8", ">8", "^9", "*^9", "+", " ", "08", "+08", "#x", "#o", "#b", "X", "c", ",", "_", "10,", ".2f", ".0f",
         "10.3f", "e", ".2e", "E", "g", ".3g", "G", "%", ".1%", "=+10", "0=10", "s", ".2s", "d", "n", "#.0f", ",.2f", ">+10.1e"]
for v in values:
    row = []
    for s in specs:
        try:
            row.append(format(v, s))
        except (ValueError, TypeError, OverflowError) as e:
            row.append(type(e).__name__)
    print(repr(v), row)

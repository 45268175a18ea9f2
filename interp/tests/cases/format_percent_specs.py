# Format specs and %-formatting across value kinds, flags, widths and precisions: results
# and error messages (the fast paths for f-strings and `%` must agree with the general ones).
class I(int):
    def __format__(self, spec): return "I!" + spec
class S:
    def __str__(self): return "S-str"
    def __repr__(self): return "S-repr"
vals = [0, 5, -5, 255, -255, 123456789, -123456789012345678901234567890, True, False, 3.14159, -2.5, 0.0, -0.0, 1e300, float('inf'), float('nan'), 1e-7, "abc", "héllo", "", I(42), S(), None, [1, 2]]
pspecs = ["%s", "%r", "%a", "%d", "%i", "%u", "%x", "%X", "%o", "%e", "%E", "%f", "%F", "%g", "%G", "%c",
          "%5s", "%-5s|", "%.2s", "%5.1s", "%05d", "%-05d|", "%+d", "% d", "%+05d", "%#x", "%#X", "%#o", "%#08x",
          "%.3d", "%5.3d", "%-6.3d|", "%+.3d", "%#.3x", "%#8.3X", "%.0f", "%10.3f", "%-10.3f|", "%+.2e", "%010.2f", "%#.0f", "%g", "%.10g", "%#g",
          "%%", "a%sb%sc", "%5c", "%-3c|", "%ld", "%hd"]
for p in pspecs:
    for v in vals:
        try:
            args = (v, v) if p.count('%s') == 2 else v
            if p == "%%": r = p % ()
            else: r = p % (args if isinstance(args, tuple) else (args,))
            print(repr(p), repr(r))
        except Exception as e:
            print(repr(p), type(e).__name__, e)
for f, a in [("%(a)s-%(b)d", {'a': 1, 'b': 2}), ("%(a", {}), ("%(a)s", 5), ("%s %s", (1,)), ("%s", (1, 2)), ("%s", [1, 2]), ("%d", "x"), ("%x", 2.5), ("%*d", (5, 3)), ("%*d", (-5, 3)), ("%.*f", (2, 3.14159)), ("%-*s|", (4, 'a')), ("%y", 1), ("abc %", ()), ("%5", 1), ("%é", 1), ("é%ï", 1), ("%s", {}), ("%(x)s %s", {'x': 1})]:
    try:
        print(repr(f), repr(f % a))
    except Exception as e:
        print(repr(f), type(e).__name__, e)
fspecs = ["", "5", "<5", ">5", "^5", "*^7", "=8", "05", "+", " ", "-", ",", "_", "#x", "#o", "#b", "x", "X", "o", "b", "c", "d", "n", "e", "E", "f", "F", "g", "G", "%", ".2f", ".0f", "10.3f", "<10.3f", "+.2e", ".3", ".3g", "#.3g", "s", ".2s", "10s", "010s", "=5", "é^9", ">08.2f", "z.1f", ",.2f", "_x", "08_b", ".5", "2.", "dd", "10,d"]
for sp in fspecs:
    for v in vals:
        try:
            print(repr(sp), repr(v) if not isinstance(v, S) else 'S', repr(format(v, sp)), repr(f"{v:{sp}}"))
        except Exception as e:
            print(repr(sp), type(e).__name__, e)
i = 7
print(f"item{i:05d}:{i * 7 % 1000:>4}|{i / 3:.2f}", f"{i!r:>5}", f"{'x'!r:^7}", f"{3.5!s:8}")

for sp in ["08,", "010,d", "012_x", "08_b"]:
    for v in [0, 5, -5, 1234567, -1234567, True]:
        print(sp, repr(format(v, sp)))
for sp in ["08,", "012,.2f"]:
    for v in [3.5, -1234.5678, 0.0]:
        print(sp, repr(format(v, sp)))

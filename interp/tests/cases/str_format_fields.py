# str.format field names: indexes, attributes, nesting, conversions, and format_map.
class P:
    def __init__(self):
        self.name = "kaa"
        self.pos = (3, 4)
p = P()
print("{0.name} at {0.pos[0]},{0.pos[1]}".format(p))
print("{d[key]} {d[0]} {l[2]}".format(d={"key": "v", 0: "zero"}, l=[1, 2, 3]))
print("{:{fill}{align}{width}}|".format("x", fill="*", align="^", width=7))
print("{0:.{1}f} {0:{2}.{1}e}".format(3.14159, 2, 12))
print("{!r:>8}|{!s:<8}|{!a}".format("é", "é", "é"))
print("{name}-{name}".format_map({"name": "ok"}), "{} {}".format(*"ab"), "{0}{1}{0}".format("x", "y"))
class Default(dict):
    def __missing__(self, key):
        return "{" + key + "}"
print("{a} and {b}".format_map(Default(a=1)))
print(f"{'nested ' + f'{1 + 1}'}", f"{3.0:g}", f"{1e-5:.1e}", f"{255:#06x}", f"{'left':<6}|", f"{12345:_}")
for bad in ["{0[}", "{:x}".format, "{a.}"]:
    try:
        bad.format(1) if isinstance(bad, str) else bad("s")
    except (ValueError, KeyError, IndexError) as e:
        print(type(e).__name__, e)

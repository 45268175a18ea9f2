def run(label, fn):
    try:
        r = fn()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)

for base in ([3, 1, 2], [], ["b", "a"], [1, "x"]):
    run(f"{base}.sort()", lambda: (lambda l: (l.sort(), l))(list(base)))
    run(f"{base}.index(1)", lambda: list(base).index(1))
    run(f"{base}.pop(1)", lambda: list(base).pop(1))
    run(f"{base}[1:] = 'xy'", lambda: (lambda l: (l.__setitem__(slice(1, None), 'xy'), l))(list(base)))
    run(f"{base}[::2] = [0]", lambda: (lambda l: (l.__setitem__(slice(None, None, 2), [0]), l))(list(base)))
    run(f"{base} * 2", lambda: base * 2)
    run(f"max({base})", lambda: max(base))
for d in ({}, {"a": 1}, {1: "x", 2: "y"}):
    run(f"{d}.popitem()", lambda: dict(d).popitem())
    run(f"{d}['a']", lambda: d["a"])
    run(f"{d}.get('a', 0)", lambda: d.get("a", 0))
    run(f"sorted({d})", lambda: sorted(d))
    run(f"{d} | {{'z': 0}}", lambda: d | {"z": 0})
    run(f"list(reversed({d}))", lambda: list(reversed(d)))
for s in (set(), {1, 2}, {"a"}):
    run(f"{s}.pop()", lambda: set(s).pop())
    run(f"{s} - {{1}}", lambda: s - {1})
    run(f"{s} <= {{1, 2, 3}}", lambda: s <= {1, 2, 3})
    run(f"{s} < [1]", lambda: s < [1])
    run(f"{s} | [1]", lambda: s | [1])
    run(f"{s}.union([1], 'ab') len", lambda: len(s.union([1], "ab")))

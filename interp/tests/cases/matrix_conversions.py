vals = ['12', ' 7 ', '1.5', '-0', 'abc', '0x1f', '1e3', '', 'inf', '1_000', '٣', 3, 3.9, -3.9, True, None, [1], b'12']
for f in [int, float, str, bool, complex if False else str]:
    for v in vals:
        try:
            print(f.__name__, repr(v), "=", repr(f(v)))
        except Exception as e:
            print(f.__name__, repr(v), "->", type(e).__name__, e)
for base in [0, 2, 8, 16, 36]:
    for s in ['10', '0x10', '0b10', 'z', '-11', '0o7']:
        try:
            print("int", repr(s), base, "=", int(s, base))
        except Exception as e:
            print("int", repr(s), base, "->", type(e).__name__, e)

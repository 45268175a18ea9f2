vals = [0, 1, -3, 2.5, -0.5, True, 10**20, 'ab', '', [1, 2], (1,), None, {1: 2}, {3}, b'x']
def show(v):
    try:
        r = repr(v)
    except Exception as e:
        r = type(e).__name__
    return r if len(r) < 60 else r[:57] + "..."
for a in vals:
    for b in vals:
        if isinstance(b, (int, float)) and not isinstance(b, bool) and abs(b) > 100 and "a - b" in ("a ** b", "a << b"):
            continue
        try:
            print(show(a), "-", show(b), "=", show(a - b))
        except Exception as e:
            print(show(a), "-", show(b), "->", type(e).__name__, e)

vals = [0, 1, -3, 2.5, -0.0, True, False, 10**20, 'ab', '', [1], (), None, {}, set(), b'']
for f in [abs, bool, str, repr, len, int, float, hash, list, tuple, sorted, iter, callable, type]:
    for v in vals:
        try:
            r = f(v)
            if f in (hash, iter):
                r = type(r).__name__
            print(f.__name__, repr(v), "=", repr(r) if f is not type else r.__name__)
        except Exception as e:
            print(f.__name__, repr(v), "->", type(e).__name__, e)
for v in vals:
    for op in ["-v", "+v", "~v", "not v"]:
        try:
            print(op, repr(v), "=", repr(eval(op)))
        except Exception as e:
            print(op, repr(v), "->", type(e).__name__, e)

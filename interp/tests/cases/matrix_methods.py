cases = [
    ("abc", "upper", ()), ("abc", "center", (7, "*")), ("abc", "center", (2,)), ("a,b", "split", (",",)),
    ("abc", "find", ("c", 1, 2)), ("abc", "index", ("z",)), ("abc", "zfill", (-1,)), ("abc", "join", (["x", 1],)),
    ("abc", "replace", ("b",)), ("abc", "startswith", (1,)), ("abc", "split", ("",)), ("abc", "count", ("",)),
    ("abc", "ljust", ("5",)), ("abc", "encode", ("nope",)), ("a b", "split", (None, -1)), ("abc", "strip", (1,)),
    ([3, 1], "index", (9,)), ([3, 1], "pop", (5,)), ([], "pop", ()), ([1], "insert", (0,)), ([1], "remove", (2,)),
    ({}, "pop", ("k",)), ({}, "popitem", ()), ({1: 2}, "get", ()), (set(), "pop", ()), ({1}, "remove", (2,)),
    ((1, 2), "index", (3,)), ((1, 2), "count", ()), (b"ab", "decode", ()), (b"\xff", "decode", ()),
]
for obj, name, args in cases:
    try:
        print(repr(obj), name, args, "=", repr(getattr(obj, name)(*args)))
    except Exception as e:
        print(repr(obj), name, args, "->", type(e).__name__, e)

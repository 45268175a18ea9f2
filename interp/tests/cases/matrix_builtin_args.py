calls = [
    "len()", "len(1, 2)", "len(5)", "abs()", "abs('x')", "isinstance(1)", "isinstance(1, 2)", "range()",
    "range(1, 2, 3, 4)", "range(1.5)", "range(0, 10, 0)", "int(1, 2)", "int('1', 2, 3)", "int('12', 1)",
    "float(1, 2)", "str(1, 2, 3, 4)", "bool(1, 2)", "list(1)", "list(1, 2)", "tuple(5)", "dict(1)",
    "dict([1])", "dict([(1, 2, 3)])", "set(1)", "sorted()", "sorted(1)", "sorted([1], 2)", "sorted([1, 'a'])",
    "min()", "min([])", "max(1)", "max([], default=0)", "min(1, 2, default=0)", "sum()", "sum(1)",
    "sum(['a'], '')", "any(1)", "all()", "zip(1)", "map(abs)", "map(abs, 1)", "filter(None)", "enumerate()",
    "enumerate(1)", "reversed(1)", "iter()", "iter(1)", "next(1)", "chr()", "chr('a')",
    "chr(1114112)", "ord('')", "ord('ab')", "ord(1)", "hex(1.5)", "bin('1')", "oct([])", "divmod(1)",
    "divmod(1, 0)", "divmod('a', 1)", "pow()", "pow(1)", "pow(2, 3, 0)", "pow(2.0, 3, 5)", "round()",
    "round('x')", "round(1.5, 'x')", "hash([])", "hash({})", "callable()", "getattr(1)", "getattr(1, 2)",
    "setattr(1, 'x', 2)", "delattr(1, 'real')", "hasattr(1, 2)", "repr()", "format(1, 'q')", "format('a', 'd')",
    "vars(1)", "print(1, sep=1)", "print(1, end=2)", "print(1, bad=3)", "type(1, 2)", "issubclass(1, int)",
    "issubclass(int, 1)", "super(1)", "property(1, 2, 3, 4, 5)",
]
for c in calls:
    try:
        r = eval(c)
        print(c, "=", repr(r) if not hasattr(r, "__next__") else type(r).__name__)
    except Exception as e:
        print(c, "->", type(e).__name__, e)

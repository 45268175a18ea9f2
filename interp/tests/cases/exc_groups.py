# Exception notes, chained exceptions inspected from code, and ExceptionGroup with except*.
def risky(n):
    if n % 2:
        raise ValueError(f"odd {n}")
    raise TypeError(f"even {n}")

try:
    raise ExceptionGroup("batch", [ValueError("a"), TypeError("b"), ValueError("c")])
except* ValueError as eg:
    print("values:", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("types:", [str(e) for e in eg.exceptions])

eg = ExceptionGroup("outer", [KeyError("k"), ExceptionGroup("inner", [ValueError("v")])])
print(repr(eg), len(eg.exceptions), eg.message)
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(eg.subgroup(lambda e: isinstance(e, KeyError)))

try:
    try:
        risky(3)
    except ValueError as e:
        e.add_note("while processing item 3")
        raise RuntimeError("batch failed") from e
except RuntimeError as e:
    print(e, "<-", repr(e.__cause__), e.__cause__.__notes__)

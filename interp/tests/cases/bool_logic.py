print(True and False, True or False, not True, True & False, True | False, True ^ True)
print(True + True, True * 10, -True, ~True, int(False), str(True), repr(False))
print(bool(None), bool([]), bool({}), bool(()), bool(""), bool(0j) if False else "x", bool(0.0))
print(0 or [] or {} or "last", 1 and [] and "x", None is None, None == 0, [] == [])
x = []
print(x or "empty", x and "nonempty", (x or [1])[0])
print(all(x > 0 for x in [1, 2]), any(x > 1 for x in [1]), all(()), any(()))
print(1 < 2 and 2 < 3, not (1 == 1), not not 5, (True, False) == (1, 0))
print(isinstance(False, int), True == 1.0, hash(True) == hash(1), {True: "a", 1: "b"})

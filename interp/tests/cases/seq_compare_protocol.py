# List and tuple comparison: first differing item decides, identity before ==, lengths last,
# item __eq__/__lt__ called in CPython's order, list length shortcut for == only.
class Loud:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("eq", self.v, getattr(o, "v", o))
        return isinstance(o, Loud) and self.v == o.v
    def __lt__(self, o):
        print("lt", self.v, getattr(o, "v", o))
        return self.v < o.v
    __hash__ = None

a, b, c = Loud(1), Loud(2), Loud(1)
print([a, b] < [c, Loud(3)])
print((a, b) == (c, b))
print([a] == [c, b])          # list: lengths differ, no item compared
print((a,) == (c, b))         # tuple: items compared first
print([a, b] != [a, b])       # identity: no __eq__
print((1, "x", 2.5) < (1, "x", 3))
print((1, 2) < (1, 2, 0), (1, 2, 0) <= (1, 2), [] < [0], () == ())
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]))
print(sorted([[3, [1]], [3, [0, 9]], [2]]))
nan = float("nan")
t = (nan,)
print(t == t, (nan,) == (nan,), [nan] == [nan], t < t)
print((1, 2) == [1, 2], (True, 1.0) == (1, True))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    [1, 2] < (1, 2)
except TypeError as e:
    print("TypeError:", e)

class Shrink:
    def __init__(self, lst):
        self.lst = lst
    def __eq__(self, o):
        self.lst.clear()
        return False
    __hash__ = None

x = [0, 0, 0]
x[0] = Shrink(x)
print(x < [1, 2, 3], len(x))
print(sorted(["pear", "fig", "apple", "fig"], reverse=True))
print(sorted([("b", 2), ("a", 3), ("b", 1)], key=lambda p: (p[0], -p[1])))
print(max([(1, "a"), (1, "b"), (0, "z")]), min([[2], [1, 5], [1]]))

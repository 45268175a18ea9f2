# Structural pattern matching: literals, captures, sequences, mappings, classes, guards.
import math

def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2j:
            return "imag"
        case 1 + 2j:
            return "complex"
        case "hello" "world":
            return "concat"
        case b"bytes":
            return "bytes"
        case None:
            return "none"
        case True:
            return "true"
        case math.pi:
            return "pi"
        case [] :
            return "empty seq"
        case [x]:
            return f"one item {x!r}"
        case [x, y]:
            return f"pair {x} {y}"
        case [first, *rest] if len(rest) > 3:
            return f"long seq from {first}, {len(rest)} more"
        case (a, b, *mid, z):
            return f"seq {a} {b} {mid} {z}"
        case {"type": "point", "x": px, "y": py}:
            return f"point dict {px},{py}"
        case {"type": t, **others}:
            return f"typed {t} with {sorted(others)}"
        case {}:
            return "some mapping"
        case str() as s if s.isdigit():
            return f"digit string {s}"
        case str(s):
            return f"string {s!r}"
        case int(n) if n > 100:
            return f"big int {n}"
        case float(f) | int(f):
            return f"number {f}"
        case _:
            return f"other {type(x).__name__}"

for v in [0, 1, 3, -1, 1.5, 2j, 1+2j, "helloworld", b"bytes", None, True, False, math.pi,
          [], (), [7], ("a",), [1, 2], (3, 4), [1, 2, 3, 4, 5, 6], (1, 2, 3), [1, 2, 3, 4],
          {"type": "point", "x": 1, "y": 2}, {"type": "circle", "r": 3, "c": 0}, {"a": 1}, {},
          "123", "abc", 1000, 50, 2.5, {1, 2}, range(2), range(5), object]:
    print(repr(v)[:30], "->", describe(v))

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

def where(p):
    match p:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point3(x, y, z=zz):
            return f"3d {x} {y} {zz}"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "somewhere"
        case [Point(x=a), Point(x=b)]:
            return f"two points {a} {b}"
    return "not a point"

for p in [Point(0, 0), Point(0, 5), Point(4, 0), Point(2, 2), Point(1, 2), Point3(0, 0, 0),
          Point3(1, 2, 3), [Point(1, 1), Point(2, 2)], 42]:
    print(where(p))

# Or-patterns binding the same names, nested patterns, as-patterns
def shape(s):
    match s:
        case ("circle", r) | ("disc", r):
            return math.pi * r * r
        case ("rect", w, h) | ("rectangle", w, h):
            return w * h
        case ("square", (int() | float()) as side):
            return side * side
        case [("pt", x1, y1), ("pt", x2, y2)] as seg:
            return f"segment of len {len(seg)}: {x1},{y1}->{x2},{y2}"
        case _:
            return None

for s in [("circle", 1), ("disc", 2), ("rect", 2, 3), ["rectangle", 4, 5], ("square", 3),
          ("square", 1.5), ("square", "x"), [("pt", 0, 0), ("pt", 1, 1)], "circle"]:
    print(s, shape(s))

# match on a tuple subject, soft keywords used as names
match = 5
case = 6
print(match + case)
match (match, case):
    case (5, 6):
        print("soft keywords ok")
_ = "underscore"
match 3:
    case _:
        print("wildcard does not bind", _)

# bindings survive the match
match [1, [2, 3]]:
    case [a, [b, c]]:
        pass
print(a, b, c)

# subject evaluated once
def subj():
    print("evaluating subject")
    return 10
match subj():
    case 1: print("one")
    case 10: print("ten")

# builtin self-matching classes and subclasses
class MyInt(int): pass
for v in [MyInt(5), 5, True, "s", [1], {"k": 1}, (1,), 2.0, frozenset({1}), bytearray(b"x")]:
    match v:
        case bool(b): print("bool", b)
        case int(i): print("int", i, type(i).__name__)
        case str(t) | bytes(t) | bytearray(t): print("text", t)
        case list(l) | tuple(l): print("seq", l)
        case dict(d): print("dict", d)
        case float(f): print("float", f)
        case frozenset(fs) | set(fs): print("set", fs)

# mapping with defaultdict uses get(), not __getitem__
from collections import defaultdict, OrderedDict
dd = defaultdict(int, {"a": 1})
match dd:
    case {"a": 1, "b": 0}: print("matched missing key")
    case {"a": 1}: print("no __missing__ call", dict(dd))
match OrderedDict(x=1, y=2):
    case {"x": 1, **kw}: print("ordered rest", kw)

# guards see bindings, and a failing guard moves on
for n in range(6):
    match n:
        case x if x % 2 == 0 and x > 2:
            print(n, "even > 2")
        case x if x % 2:
            print(n, "odd")
        case _:
            print(n, "other")

# star wildcard and nested star
match (1, 2, 3, 4, 5):
    case (1, *_, 5):
        print("starts 1 ends 5")
match [1, 2, 3]:
    case [*init, last]:
        print(init, last)
match "abc":
    case [*chars]:
        print("str is a sequence?!")
    case _:
        print("str is not a sequence pattern")

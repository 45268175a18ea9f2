# match inside loops, generators, nested matches, class bodies and with try/finally.
from collections import deque

def commands(lines):
    for line in lines:
        match line.split():
            case ["quit"]:
                print("bye")
                break
            case ["skip", *_]:
                continue
            case ["go", direction] if direction in ("north", "south"):
                print("going", direction)
            case ["go", _]:
                print("can't go that way")
            case ["drop", *objects]:
                for o in objects:
                    match o:
                        case "sword" | "shield" as gear:
                            print("dropping gear", gear)
                        case other:
                            print("dropping", other)
            case []:
                print("say something")
            case _:
                print("unknown:", line)
    else:
        print("no quit")

commands(["go north", "go west", "", "drop sword apple", "skip this", "dance", "quit", "go south"])
commands(["go south"])

def tokens(src):
    for ch in src:
        match ch:
            case " ":
                continue
            case "+" | "-" | "*" | "/":
                yield ("op", ch)
            case d if d.isdigit():
                yield ("num", int(d))
            case _:
                yield ("err", ch)

print(list(tokens("1 + 2*x")))

def evaluate(expr):
    match expr:
        case ("num", n):
            return n
        case ("add", l, r):
            return evaluate(l) + evaluate(r)
        case ("mul", l, r):
            return evaluate(l) * evaluate(r)
        case ("neg", e):
            return -evaluate(e)
        case _:
            raise ValueError(f"bad expression {expr!r}")

print(evaluate(("add", ("num", 2), ("mul", ("num", 3), ("neg", ("num", 4))))))
try:
    evaluate(("pow", 1, 2))
except ValueError as e:
    print(e)

class Config:
    mode = "fast"
    match mode:
        case "fast":
            level = 3
        case _:
            level = 1
print(Config.level)

def with_finally(x):
    try:
        match x:
            case int():
                return "int"
            case str():
                raise KeyError(x)
    finally:
        print("finally runs for", repr(x))
    return "fell through"

print(with_finally(1))
try:
    with_finally("k")
except KeyError as e:
    print("KeyError", e)
print(with_finally(2.5))

match deque([1, 2, 3]):
    case [1, *rest]:
        print("deque is a sequence", rest)

class Eq:
    def __eq__(self, other):
        print("Eq.__eq__ called with", other)
        return other == 42
E = Eq()
class NS:
    e = E
match 42:
    case NS.e:
        print("matched via __eq__")

# walrus in guard, and match on the result of a call
data = [("a", 1), ("b", 20), ("c", 300)]
for item in data:
    match item:
        case (name, value) if (big := value > 10):
            print(name, "big", big)
        case (name, value):
            print(name, "small", big)

# the subject is a tuple built from several expressions
for x, y in [(0, 0), (1, 0), (0, 1), (2, 3)]:
    match x, y:
        case 0, 0:
            print("origin")
        case _, 0:
            print("x-axis")
        case 0, _:
            print("y-axis")
        case _:
            print("elsewhere")

# nested class patterns with keyword attributes of builtins
match 3 + 4j:
    case complex(real=r, imag=i):
        print("complex parts", r, i)
match [1, "two", 3.0]:
    case [int(a), str(b), float(c)]:
        print(a, b, c)

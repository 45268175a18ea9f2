# Assignment expressions in while loops, comprehensions and match guards.
import re
data = ["x=1", "y = 22", "bad", "z=333"]
pat = re.compile(r"(\w+)\s*=\s*(\d+)")
parsed = {m[1]: int(m[2]) for line in data if (m := pat.match(line))}
print(parsed)
stack = [3, 1, 4, 1, 5]
total = 0
while (n := len(stack)) > 2:
    total += stack.pop() * n
print(total, stack, n)
def classify(values):
    out = []
    for v in values:
        match v:
            case int() if (sq := v * v) > 50:
                out.append(f"{v} big (square {sq})")
            case int():
                out.append(f"{v} small")
            case [*items] if (s := sum(items)) > 10:
                out.append(f"list summing to {s}")
            case _:
                out.append(f"other {v!r}")
    return out
print(classify([3, 9, [1, 2], [5, 6, 7], "s"]))
print([y for x in range(6) if (y := x * x) % 2], y)
if (count := sum(1 for c in "banana" if c == "a")) > 2:
    print("many a:", count)

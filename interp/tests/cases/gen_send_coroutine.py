# Generator-based coroutines: priming, send, running averages, close and return values.
def averager():
    total = count = 0
    average = None
    while True:
        try:
            value = yield average
        except GeneratorExit:
            print("averager closing at", count)
            raise
        if value is None:
            return (count, average)
        total += value
        count += 1
        average = total / count

avg = averager()
print(next(avg))
for v in [10, 20, 30, 5]:
    print(avg.send(v))
try:
    avg.send(None)
except StopIteration as e:
    print("result:", e.value)

def grep(pattern):
    print("looking for", pattern)
    matches = []
    try:
        while True:
            line = yield
            if pattern in line:
                matches.append(line)
    finally:
        print("matched", matches)

g = grep("py")
next(g)
for line in ["python", "java", "pypy", "rust"]:
    g.send(line)
g.close()
print(g.gi_frame is None, g.gi_running)

def delegator():
    result = yield from averager()
    print("sub result", result)
    yield "done"
d = delegator()
next(d)
d.send(4)
d.send(8)
print(d.send(None))

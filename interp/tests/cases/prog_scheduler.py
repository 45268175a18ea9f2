# A cooperative scheduler: generator tasks yield sleeps; a heap orders wake-up times.
import heapq

def blinker(name, period, count):
    for i in range(count):
        print(f"t={clock:>2} {name} blink {i}")
        yield period
    return f"{name} done"

def countdown(n):
    while n:
        print(f"t={clock:>2} countdown {n}")
        n -= 1
        yield 3
    return "liftoff"

clock = 0
queue = []
seq = 0
def spawn(task, at=0):
    global seq
    heapq.heappush(queue, (at, seq, task))
    seq += 1

spawn(blinker("A", 2, 4))
spawn(blinker("B", 5, 2))
spawn(countdown(3), at=1)
results = []
while queue:
    clock, _, task = heapq.heappop(queue)
    try:
        delay = next(task)
        spawn(task, clock + delay)
    except StopIteration as stop:
        results.append((clock, stop.value))
print(results)

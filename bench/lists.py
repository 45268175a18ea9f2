# Lists: comprehensions, sorted with key=, slicing, append/pop, min/max/sum.
import random

rng = random.Random(42)
data = [rng.randint(0, 1000000) for _ in range(200000)]
pairs = [(x % 1000, x) for x in data]
by_key = sorted(pairs, key=lambda p: (p[0], -p[1]))
evens = [x for x in data if x % 2 == 0]
squares = [x * x % 1009 for x in range(1500000)]
matrix = [[i * j % 17 for j in range(60)] for i in range(3000)]
transposed = [[row[i] for row in matrix] for i in range(60)]
flat = [v for row in transposed for v in row]
stack = []
popped = 0
for x in data:
    stack.append(x)
    if len(stack) > 100:
        popped += stack.pop(0) % 7
words = sorted((str(x) for x in data[:100000]), key=len, reverse=True)
chunks = [data[i:i + 50] for i in range(0, len(data), 50)]
best = max(chunks, key=sum)
print(by_key[0], by_key[-1], len(evens), sum(squares), sum(flat), popped,
      words[0], min(best), max(best), sum(map(len, chunks)))

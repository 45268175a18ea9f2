# Word ladder by breadth-first search over one-letter changes.
from collections import deque
from string import ascii_lowercase

WORDS = {"cold", "cord", "card", "ward", "warm", "worm", "word", "wood", "wold", "bold", "bolt", "boat", "coat", "cost", "most", "mist", "wist", "warn", "worn"}

def neighbours(word):
    for i in range(len(word)):
        for ch in ascii_lowercase:
            cand = word[:i] + ch + word[i + 1:]
            if cand != word and cand in WORDS:
                yield cand

def ladder(start, goal):
    prev = {start: None}
    q = deque([start])
    while q:
        w = q.popleft()
        if w == goal:
            path = []
            while w:
                path.append(w)
                w = prev[w]
            return path[::-1]
        for n in sorted(neighbours(w)):
            if n not in prev:
                prev[n] = w
                q.append(n)
    return None

for a, b in [("cold", "warm"), ("bold", "coat"), ("most", "wood"), ("cold", "mist")]:
    path = ladder(a, b)
    print(f"{a} -> {b}:", " > ".join(path) if path else "no ladder")

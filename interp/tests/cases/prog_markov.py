# A seeded Markov-chain text generator: reproducible with CPython's random.
import random
from collections import defaultdict
corpus = ("the cat sat on the mat the dog sat on the log the cat saw the dog "
          "and the dog saw the cat on the mat").split()
chain = defaultdict(list)
for a, b in zip(corpus, corpus[1:]):
    chain[a].append(b)
random.seed(42)
for _ in range(3):
    word = random.choice(corpus)
    out = [word]
    for _ in range(8):
        nxt = chain.get(word)
        if not nxt:
            break
        word = random.choice(nxt)
        out.append(word)
    print(" ".join(out))
print(sorted((k, len(v)) for k, v in chain.items()))

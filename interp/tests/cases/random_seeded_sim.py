# Seeded random simulations reproduce CPython's Mersenne Twister exactly.
import random
random.seed(2024)
print([random.randint(1, 6) for _ in range(10)])
print(round(random.random(), 12), round(random.uniform(-1, 1), 12), random.randrange(0, 100, 5))
deck = [f"{r}{s}" for s in "SHDC" for r in "A23456789TJQK"]
random.shuffle(deck)
print(deck[:8], random.choice(deck), random.sample(range(100), 5))
print(random.choices(["win", "lose", "draw"], weights=[5, 3, 2], k=8))
rng = random.Random(7)
print([round(rng.gauss(0, 1), 10) for _ in range(3)], rng.getrandbits(40), rng.randint(10**20, 10**21))
walk = 0
random.seed("kaa")
for _ in range(1000):
    walk += random.choice((-1, 1))
print(walk, random.random() < 0.5)
state = random.getstate()
a = random.random()
random.setstate(state)
print(a == random.random())

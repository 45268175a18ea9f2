class Vec2:
    __slots__ = ("x", "y")
    def __init__(self, x=0.0, y=0.0):
        self.x = x
        self.y = y
    def __add__(self, o): return Vec2(self.x + o.x, self.y + o.y)
    def __mul__(self, k): return Vec2(self.x * k, self.y * k)
    def __repr__(self): return f"Vec2({self.x:.2f}, {self.y:.2f})"
class Entity:
    next_id = 1
    def __init__(self, pos, vel):
        self.id = Entity.next_id
        Entity.next_id += 1
        self.pos, self.vel = pos, vel
        self.alive = True
    def update(self, dt):
        self.pos = self.pos + self.vel * dt
        if abs(self.pos.x) > 10 or abs(self.pos.y) > 10:
            self.alive = False
world = [Entity(Vec2(i, -i), Vec2(1.5 * i, 0.5)) for i in range(5)]
for frame in range(8):
    for e in world:
        e.update(0.5)
    world = [e for e in world if e.alive]
    print(frame, len(world), [e.id for e in world])
print(len(world), world[0].pos if world else None)
scores = {}
for name, pts in [("ann", 3), ("bob", 5), ("ann", 4), ("cy", 1), ("bob", 2)]:
    scores[name] = scores.get(name, 0) + pts
ranking = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
print(ranking)
grid = [["." for _ in range(5)] for _ in range(3)]
grid[1][2] = "#"
print("\n".join("".join(row) for row in grid))

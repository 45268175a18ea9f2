# Classes: a game-like update of many objects (attribute reads/writes, method calls,
# a property, inheritance and super()).
class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add_scaled(self, other, k):
        self.x += other.x * k
        self.y += other.y * k


class Entity:
    def __init__(self, i):
        self.pos = Vec(i % 100, i // 100)
        self.vel = Vec((i % 7) - 3, (i % 5) - 2)
        self.hp = 100
        self.alive = True

    @property
    def speed2(self):
        return self.vel.x * self.vel.x + self.vel.y * self.vel.y

    def update(self, dt):
        self.pos.add_scaled(self.vel, dt)
        if self.pos.x < 0 or self.pos.x > 100:
            self.vel.x = -self.vel.x
        if self.pos.y < 0 or self.pos.y > 100:
            self.vel.y = -self.vel.y


class Enemy(Entity):
    def __init__(self, i):
        super().__init__(i)
        self.damage = i % 3 + 1

    def update(self, dt):
        super().update(dt)
        if self.speed2 > 8:
            self.hp -= self.damage
            if self.hp <= 0:
                self.alive = False
                self.hp = 100


world = [Enemy(i) if i % 2 else Entity(i) for i in range(1000)]
dead = 0
for frame in range(2000):
    for e in world:
        e.update(0.016)
        if not e.alive:
            dead += 1
            e.alive = True
checksum = dead
for e in world:
    checksum += int(e.pos.x * 10) + int(e.pos.y * 10) + e.hp
print(checksum)

"""An asteroid: drifts, spins, wraps; a bullet's or the ship's "hit" message breaks it."""
import config
import state
from bevy import Script, Transform, Vec3
from space import wrap


class Rock(Script):
    size = 3
    vx = 0.0
    vy = 0.0
    spin = 0.0

    def start(self):
        self.radius = config.ROCK_SIZE[self.size] / 2
        self.broken = False
        t = self.entity.get(Transform).translation
        self.x = t.x
        self.y = t.y
        state.rocks.append(self)

    def update(self, dt):
        t = self.entity.get(Transform)
        p = wrap(t.translation + Vec3(self.vx * dt, self.vy * dt, 0), self.radius)
        t.translation = p
        t.rotate_z(self.spin * dt)
        self.x = p.x
        self.y = p.y

    def hit(self, by):
        """Sent by a bullet or the ship (`rock.entity.send("hit", ...)`), handled next frame."""
        if self.broken:
            return
        self.broken = True
        if self in state.rocks:
            state.rocks.remove(self)
        state.game.rock_broken(self)
        self.entity.despawn()

    def on_destroy(self):
        if self in state.rocks:
            state.rocks.remove(self)
        if state.game is not None:
            state.game.rock_gone(self.entity.id)

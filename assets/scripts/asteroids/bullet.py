"""A bullet: flies straight, wraps, expires (a task), breaks the first rock it touches."""
import config
import state
from bevy import Script, Transform, Vec3
from kaa import wait
from space import wrap


class Bullet(Script):
    vx = 0.0
    vy = 0.0

    def start(self):
        self.start_task(self.expire())

    def expire(self):
        yield wait(config.BULLET_LIFE)
        self.entity.despawn()

    def update(self, dt):
        t = self.entity.get(Transform)
        p = wrap(t.translation + Vec3(self.vx * dt, self.vy * dt, 0))
        t.translation = p
        for rock in state.rocks:
            dx = p.x - rock.x
            dy = p.y - rock.y
            if not rock.broken and dx * dx + dy * dy < rock.radius * rock.radius:
                rock.entity.send("hit", self.entity)
                self.entity.despawn()
                return

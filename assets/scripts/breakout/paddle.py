"""The paddle: A/D or the arrow keys. Power-ups can widen it for a while."""
import config
import state
from bevy import Script, Sprite, Transform, Vec2, input


class Paddle(Script):
    def start(self):
        state.paddle = self
        self.width = config.PADDLE_W
        self.wide = 0           # wide power-ups in effect (they stack in time, not in size)

    def set_wide(self, on):
        self.wide += 1 if on else -1
        self.width = config.PADDLE_W * (config.WIDE if self.wide > 0 else 1.0)
        self.entity.get(Sprite).custom_size = Vec2(self.width, config.PADDLE_H)

    def update(self, dt):
        d = 0
        if input.pressed("ArrowLeft") or input.pressed("KeyA"):
            d -= 1
        if input.pressed("ArrowRight") or input.pressed("KeyD"):
            d += 1
        t = self.entity.get(Transform)
        limit = config.WIDTH / 2 - config.WALL - self.width / 2
        t.translation.x = max(-limit, min(limit, t.translation.x + d * config.PADDLE_SPEED * dt))

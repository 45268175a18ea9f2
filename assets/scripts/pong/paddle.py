"""The player's paddle: W/S or the arrow keys."""
import config
import state
from bevy import Script, Transform, input


class Paddle(Script):
    def start(self):
        state.paddles.append(self)

    def update(self, dt):
        d = 0
        if input.pressed("KeyW") or input.pressed("ArrowUp"):
            d += 1
        if input.pressed("KeyS") or input.pressed("ArrowDown"):
            d -= 1
        t = self.entity.get(Transform)
        limit = (config.HEIGHT - config.PADDLE_H) / 2
        t.translation.y = max(-limit, min(limit, t.translation.y + d * config.PLAYER_SPEED * dt))

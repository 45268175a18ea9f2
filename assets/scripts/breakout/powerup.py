"""A falling power-up: the paddle catches it or it is lost."""
import config
import state
from bevy import Script, Transform


class PowerUp(Script):
    kind = "wide"

    def update(self, dt):
        t = self.entity.get(Transform)
        t.translation.y -= config.POWERUP_SPEED * dt
        p = state.paddle
        if p is not None:
            pt = p.entity.get(Transform).translation
            if (abs(t.translation.x - pt.x) < p.width / 2 + 12
                    and abs(t.translation.y - pt.y) < config.PADDLE_H / 2 + 8):
                state.game.power_up(self.kind)
                self.entity.despawn()
                return
        if t.translation.y < -config.HEIGHT / 2 - 20:
            self.entity.despawn()

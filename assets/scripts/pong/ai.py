"""The AI paddle: follows the ball, but no faster than AI_SPEED (so it can miss)."""
import config
import state
from bevy import Script, Transform


class AiPaddle(Script):
    def start(self):
        state.paddles.append(self)
        self.speed = config.AI_SPEED

    def set_speed(self, speed):
        self.speed = speed

    def update(self, dt):
        if state.ball is None:
            return
        t = self.entity.get(Transform)
        target = state.ball.entity.get(Transform).translation.y
        step = max(-self.speed * dt, min(self.speed * dt, target - t.translation.y))
        limit = (config.HEIGHT - config.PADDLE_H) / 2
        t.translation.y = max(-limit, min(limit, t.translation.y + step))

"""The ball: bounces off walls and paddles (speeding up), scores when it leaves the court."""
import config
import state
from bevy import Script, Transform
from kaa import wait

# Serve angles cycle, so rallies differ but runs are deterministic.
SERVES = [0.35, -0.6, 0.8, -0.25, 0.55, -0.8]


class Ball(Script):
    def start(self):
        state.ball = self
        self.serves = 0
        self.serve()

    def serve(self):
        t = self.entity.get(Transform)
        t.translation.x = 0
        t.translation.y = 0
        slope = SERVES[self.serves % len(SERVES)]
        self.serves += 1
        self.vx = config.BALL_SPEED     # always served toward the AI
        self.vy = config.BALL_SPEED * slope
        self.waiting = True
        self.start_task(self.pause())

    def pause(self):
        yield wait(0.5)
        self.waiting = False

    def update(self, dt):
        if self.waiting or (state.game is not None and state.game.over):
            return
        t = self.entity.get(Transform)
        x = t.translation.x + self.vx * dt
        y = t.translation.y + self.vy * dt
        half_h = (config.HEIGHT - config.BALL_SIZE) / 2
        if abs(y) > half_h:
            y = half_h if y > 0 else -half_h
            self.vy = -self.vy
        for p in state.paddles:
            pt = p.entity.get(Transform).translation
            if (abs(x - pt.x) < (config.PADDLE_W + config.BALL_SIZE) / 2
                    and abs(y - pt.y) < (config.PADDLE_H + config.BALL_SIZE) / 2
                    and (x - pt.x) * self.vx < 0):
                self.vx = -self.vx * config.SPEEDUP
                self.vy = self.vy * config.SPEEDUP + (y - pt.y) * 2
        t.translation.x = x
        t.translation.y = y
        if abs(x) > config.WIDTH / 2 + 20:
            state.game.point("left" if x > 0 else "right")
            self.serve()

"""The ball: waits on the paddle (Space launches it), bounces off walls, the paddle and bricks."""
import math
import config
import state
from bevy import Script, Transform, input
from kaa import wait


class Ball(Script):
    def start(self):
        state.ball = self
        self.slow = 0           # slow power-ups in effect
        self.serial = 0
        self.reset()

    def reset(self):
        """Back onto the paddle; launches on Space or by itself after a while."""
        self.stuck = True
        self.serial += 1
        self.start_task(self.auto_launch(self.serial))

    def auto_launch(self, serial):
        yield wait(config.AUTO_LAUNCH)
        if self.serial == serial:
            self.launch()

    def launch(self):
        if not self.stuck or state.game.over or state.game.between_levels:
            return
        self.stuck = False
        dx, dy = config.SERVE
        n = math.hypot(dx, dy)
        self.dx = dx / n
        self.dy = dy / n

    def speed(self):
        return config.BALL_SPEED * (config.SLOW if self.slow > 0 else 1.0)

    def update(self, dt):
        if state.paddle is None or state.game is None:
            return      # scripts load in any order: wait for the paddle and the game
        t = self.entity.get(Transform)
        if self.stuck:
            p = state.paddle.entity.get(Transform).translation
            t.translation.x = p.x
            t.translation.y = config.PADDLE_Y + (config.PADDLE_H + config.BALL_SIZE) / 2 + 1
            if input.just_pressed("Space"):
                self.launch()
            return
        step = self.speed() * min(dt, 1 / 30)
        x = t.translation.x + self.dx * step
        y = t.translation.y + self.dy * step
        r = config.BALL_SIZE / 2
        side = config.WIDTH / 2 - config.WALL - r
        if abs(x) > side:
            x = math.copysign(side, x)
            self.dx = -self.dx
        top = config.HEIGHT / 2 - config.WALL - r
        if y > top:
            y = top
            self.dy = -abs(self.dy)
        x, y = self.paddle_bounce(x, y)
        x, y = self.brick_bounce(x, y)
        t.translation.x = x
        t.translation.y = y
        if y < -config.HEIGHT / 2 - 20:
            self.reset()
            state.game.ball_lost()

    def paddle_bounce(self, x, y):
        p = state.paddle
        px = p.entity.get(Transform).translation.x
        r = config.BALL_SIZE / 2
        if (self.dy < 0 and abs(x - px) < p.width / 2 + r
                and abs(y - config.PADDLE_Y) < config.PADDLE_H / 2 + r):
            # Where it lands on the paddle sets the angle: the edges send it wide.
            off = max(-1.0, min(1.0, (x - px) / (p.width / 2)))
            a = off * config.MAX_BOUNCE
            self.dx = math.sin(a)
            self.dy = math.cos(a)
            y = config.PADDLE_Y + config.PADDLE_H / 2 + r
        return x, y

    def brick_bounce(self, x, y):
        r = config.BALL_SIZE / 2
        hw = config.BRICK_W / 2 + r
        hh = config.BRICK_H / 2 + r
        for b in state.bricks:
            ox = hw - abs(x - b.x)
            oy = hh - abs(y - b.y)
            if ox <= 0 or oy <= 0 or b.hp <= 0:
                continue
            # Out along the shallower overlap, and bounce on that axis.
            if ox < oy:
                x += ox if x > b.x else -ox
                self.dx = abs(self.dx) if x > b.x else -abs(self.dx)
            else:
                y += oy if y > b.y else -oy
                self.dy = abs(self.dy) if y > b.y else -abs(self.dy)
            b.entity.send("hit", 1)
            break
        return x, y

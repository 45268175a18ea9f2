"""Breakout's manager, on the scene root: builds the court and the levels, keeps score and
lives, runs power-ups as tasks, and restarts on R after the game is over."""
import config
import state
from bevy import Script, Color, Text2d, emit, input
from kaa import wait


def set_text(entity, text):
    # Text2d is a tuple struct: its field is named "0".
    setattr(entity.get(Text2d), "0", text)


class Breakout(Script):
    def start(self):
        state.game = self
        self.score = 0
        self.lives = config.LIVES
        self.level = 0
        self.over = False
        self.between_levels = False
        self.destroyed = 0
        self.bricks = set()         # entity ids of this level's bricks still standing
        self.court()
        self.paddle = self.spawn({
            "Sprite": {"color": Color.hex("#eceff1"), "custom_size": [config.PADDLE_W, config.PADDLE_H]},
            "Transform": {"translation": [0, config.PADDLE_Y, 0]},
        }, script="scripts/breakout/paddle.py")
        self.ball = self.spawn({
            "Sprite": {"color": Color.WHITE, "custom_size": [config.BALL_SIZE, config.BALL_SIZE]},
            "Transform": {"translation": [0, config.PADDLE_Y + (config.PADDLE_H + config.BALL_SIZE) / 2 + 1, 1]},
        }, script="scripts/breakout/ball.py")
        self.hud = self.spawn({"Text2d": {"0": ""},
                               "Transform": {"translation": [0, config.HEIGHT / 2 + 24, 0]}})
        self.banner = self.spawn({"Text2d": {"0": ""},
                                  "Transform": {"translation": [0, -40, 2]}})
        self.build(0)

    def court(self):
        w, h, t = config.WIDTH, config.HEIGHT, config.WALL
        grey = Color(0.3, 0.3, 0.35)
        for x in (-(w - t) / 2, (w - t) / 2):
            self.spawn({"Sprite": {"color": grey, "custom_size": [t, h]},
                        "Transform": {"translation": [x, 0, 0]}})
        self.spawn({"Sprite": {"color": grey, "custom_size": [w, t]},
                    "Transform": {"translation": [0, (h - t) / 2, 0]}})

    def build(self, level):
        self.level = level
        layout = config.LEVELS[level % len(config.LEVELS)]
        for row, line in enumerate(layout):
            for col, ch in enumerate(line):
                if not ch.isdigit():
                    continue
                x = (col - (len(line) - 1) / 2) * (config.BRICK_W + config.GAP)
                y = config.TOP - row * (config.BRICK_H + config.GAP)
                hp = int(ch)
                e = self.spawn({
                    "Sprite": {"color": Color.hex(config.COLORS[hp]),
                               "custom_size": [config.BRICK_W, config.BRICK_H]},
                    "Transform": {"translation": [x, y, 0]},
                }, script="scripts/breakout/brick.py", hp=hp)
                self.bricks.add(e.id)
        self.show()

    def show(self):
        set_text(self.hud, f"Score {self.score}    Lives {self.lives}    Level {self.level + 1}")

    def brick_destroyed(self, brick):
        self.score += config.POINTS.get(brick.max_hp, 10)
        self.destroyed += 1
        self.show()
        emit("brick_destroyed", [brick.entity, self.score])
        if self.destroyed % config.POWERUP_EVERY == 0:
            kind = config.POWERUPS[(self.destroyed // config.POWERUP_EVERY - 1) % len(config.POWERUPS)]
            self.spawn({
                "Sprite": {"color": Color.hex(config.POWERUP_COLORS[kind]), "custom_size": [24, 12]},
                "Transform": {"translation": [brick.x, brick.y, 1]},
            }, script="scripts/breakout/powerup.py", kind=kind)

    def brick_gone(self, entity_id):
        """A brick's on_destroy: however it went, the level is clear when none are left."""
        if entity_id not in self.bricks:
            return
        self.bricks.discard(entity_id)
        if not self.bricks and not self.over:
            self.start_task(self.next_level())

    def next_level(self):
        self.between_levels = True
        emit("level_cleared", self.level + 1)
        state.ball.reset()
        set_text(self.banner, f"Level {self.level + 2}")
        yield wait(1.5)
        set_text(self.banner, "")
        self.between_levels = False
        self.build(self.level + 1)

    def ball_lost(self):
        self.lives -= 1
        self.show()
        emit("life_lost", self.lives)
        if self.lives <= 0:
            self.over = True
            set_text(self.banner, f"Game over: {self.score} points (R to restart)")
            emit("game_over", self.score)

    def power_up(self, kind):
        """A caught power-up: on now, off again after POWERUP_TIME (a task per catch)."""
        emit("power_up", kind)
        self.start_task(self.timed(kind))

    def timed(self, kind):
        self.apply(kind, True)
        try:
            yield wait(config.POWERUP_TIME)
        finally:
            self.apply(kind, False)
        emit("power_down", kind)

    def apply(self, kind, on):
        if kind == "wide":
            state.paddle.set_wide(on)
        elif kind == "slow":
            state.ball.slow += 1 if on else -1

    def update(self, dt):
        if self.over and input.just_pressed("KeyR"):
            for b in list(state.bricks):
                b.entity.despawn()
            state.bricks.clear()
            self.bricks = set()
            self.score = 0
            self.lives = config.LIVES
            self.destroyed = 0
            self.over = False
            set_text(self.banner, "")
            self.build(0)
            state.ball.reset()

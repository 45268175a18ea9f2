"""Asteroids' manager, on the scene root: spawns the ship, runs the waves as a scene-level task,
keeps score and lives, and restarts on R after the game is over."""
import math
import random
import config
import state
from bevy import Script, Color, Text2d, Transform, emit, input
from kaa import wait, wait_until


def set_text(entity, text):
    # Text2d is a tuple struct: its field is named "0".
    setattr(entity.get(Text2d), "0", text)


class Asteroids(Script):
    def start(self):
        state.game = self
        self.rng = random.Random(config.SEED)
        self.score = 0
        self.lives = config.LIVES
        self.wave = 0
        self.over = False
        self.field = set()          # entity ids of the rocks in play (spawned or started)
        self.hud = self.spawn({"Text2d": {"0": ""},
                               "Transform": {"translation": [0, config.HEIGHT / 2 - 24, 5]}})
        self.banner = self.spawn({"Text2d": {"0": ""}, "Transform": {"translation": [0, 60, 5]}})
        self.ship = self.spawn({
            "Sprite": {"color": Color.hex("#4fc3f7"), "custom_size": [config.SHIP_SIZE * 0.8, config.SHIP_SIZE]},
            "Transform": {"translation": [0, 0, 1]},
        }, script="scripts/asteroids/ship.py")
        self.show()
        self.start_task(self.waves())

    def show(self):
        set_text(self.hud, f"Score {self.score}    Lives {self.lives}    Wave {self.wave}")

    def waves(self):
        """The scene-level task: a new wave whenever the field is empty."""
        while True:
            yield wait_until(lambda: not self.field and not self.over)
            self.wave += 1
            self.show()
            set_text(self.banner, f"Wave {self.wave}")
            yield wait(config.WAVE_PAUSE)
            set_text(self.banner, "")
            if self.over:
                continue
            for _ in range(config.WAVE_START + self.wave):
                self.spawn_rock(3, *self.far_from_ship())
            emit("wave", self.wave)

    def far_from_ship(self):
        sx, sy = 0.0, 0.0
        if state.ship is not None:
            p = state.ship.entity.get(Transform).translation
            sx, sy = p.x, p.y
        while True:
            x = self.rng.uniform(-config.WIDTH / 2, config.WIDTH / 2)
            y = self.rng.uniform(-config.HEIGHT / 2, config.HEIGHT / 2)
            if math.hypot(x - sx, y - sy) > config.SAFE_DISTANCE:
                return x, y

    def spawn_rock(self, size, x, y):
        a = self.rng.uniform(0, math.tau)
        speed = config.ROCK_SPEED[size] * self.rng.uniform(0.7, 1.3)
        d = config.ROCK_SIZE[size]
        e = self.spawn({
            "Sprite": {"color": Color.hex(self.rng.choice(config.ROCK_COLORS)), "custom_size": [d, d]},
            "Transform": {"translation": [x, y, 0]},
        }, script="scripts/asteroids/rock.py", size=size,
            vx=math.cos(a) * speed, vy=math.sin(a) * speed, spin=self.rng.uniform(-1.5, 1.5))
        self.field.add(e.id)

    def rock_broken(self, rock):
        self.score += config.ROCK_POINTS[rock.size]
        self.show()
        emit("rock_broken", [rock.entity, rock.size, self.score])
        if rock.size > 1:
            for _ in range(2):
                self.spawn_rock(rock.size - 1, rock.x, rock.y)

    def rock_gone(self, entity_id):
        """A rock's on_destroy, however it went (broken, or the game restarting)."""
        self.field.discard(entity_id)

    def ship_lost(self):
        """The ship crashed: True if it has a life left to come back with."""
        self.lives -= 1
        self.show()
        emit("life_lost", self.lives)
        if self.lives > 0:
            return True
        self.over = True
        set_text(self.banner, f"Game over: {self.score} points (R to restart)")
        emit("game_over", self.score)
        return False

    def update(self, dt):
        if self.over and input.just_pressed("KeyR"):
            for rock in list(state.rocks):
                rock.entity.despawn()
            state.rocks.clear()
            self.field = set()
            self.score = 0
            self.lives = config.LIVES
            self.wave = 0
            self.over = False
            set_text(self.banner, "")
            self.show()
            state.ship.restart()

"""The ship: A/D or arrows rotate, W or Up thrusts, Space shoots. After a crash it comes back
in the middle, blinking and invulnerable for a while (a task)."""
import config
import state
from bevy import Script, Transform, Visibility, Vec3, Quat, Color, input, emit
from kaa import wait
from space import wrap


def set_visible(entity, shown):
    entity.insert(Visibility, "Inherited" if shown else "Hidden")


class Ship(Script):
    def start(self):
        state.ship = self
        self.vx = 0.0
        self.vy = 0.0
        self.reload = 0.0
        self.invulnerable = False
        self.flying = True
        # The nose shows where the ship points; it is the hull's child, so it blinks with it.
        self.spawn({"Sprite": {"color": Color.hex("#ffca28"), "custom_size": [8, 12]},
                    "Transform": {"translation": [0, config.SHIP_SIZE / 2 + 5, 0]}})

    def update(self, dt):
        if not self.flying:
            return
        t = self.entity.get(Transform)
        turn = 0
        if input.pressed("ArrowLeft") or input.pressed("KeyA"):
            turn += 1
        if input.pressed("ArrowRight") or input.pressed("KeyD"):
            turn -= 1
        if turn:
            t.rotate_z(turn * config.TURN_SPEED * dt)
        up = t.up()
        if input.pressed("ArrowUp") or input.pressed("KeyW"):
            self.vx += up.x * config.THRUST * dt
            self.vy += up.y * config.THRUST * dt
        keep = max(0.0, 1.0 - config.DRAG * dt)
        self.vx *= keep
        self.vy *= keep
        speed = (self.vx * self.vx + self.vy * self.vy) ** 0.5
        if speed > config.MAX_SPEED:
            self.vx *= config.MAX_SPEED / speed
            self.vy *= config.MAX_SPEED / speed
        p = wrap(t.translation + Vec3(self.vx * dt, self.vy * dt, 0))
        t.translation = p
        self.reload -= dt
        if input.pressed("Space") and self.reload <= 0:
            self.reload = config.FIRE_DELAY
            self.fire(p, up)
        if not self.invulnerable:
            for rock in state.rocks:
                dx = p.x - rock.x
                dy = p.y - rock.y
                reach = rock.radius + config.SHIP_RADIUS
                if not rock.broken and dx * dx + dy * dy < reach * reach:
                    rock.entity.send("hit", self.entity)
                    self.crash()
                    break

    def fire(self, p, up):
        nose = p + up * (config.SHIP_SIZE / 2 + 6)
        # Bullets are children of the scene root, not of the ship: they fly on if it blows up.
        state.game.spawn({
            "Sprite": {"color": Color.WHITE, "custom_size": [4, 4]},
            "Transform": {"translation": [nose.x, nose.y, 1]},
        }, script="scripts/asteroids/bullet.py",
            vx=self.vx + up.x * config.BULLET_SPEED, vy=self.vy + up.y * config.BULLET_SPEED)
        emit("shot")

    def crash(self):
        self.flying = False
        set_visible(self.entity, False)
        if state.game.ship_lost():
            self.start_task(self.respawn())

    def respawn(self):
        yield wait(1.0)
        t = self.entity.get(Transform)
        t.translation = Vec3(0, 0, 1)
        t.rotation = Quat.from_rotation_z(0)
        self.vx = 0.0
        self.vy = 0.0
        self.flying = True
        self.start_task(self.blink())

    def blink(self):
        """Invulnerable for a while, blinking so the player sees it."""
        self.invulnerable = True
        emit("invulnerable", True)
        shown = True
        left = config.INVULNERABLE
        try:
            while left > 0:
                shown = not shown
                set_visible(self.entity, shown)
                yield wait(config.BLINK)
                left -= config.BLINK
        finally:
            set_visible(self.entity, True)
            self.invulnerable = False
        emit("invulnerable", False)

    def restart(self):
        self.flying = False
        self.start_task(self.respawn())

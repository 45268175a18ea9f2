"""The smallest Kaa game: arrow keys (or WASD) move the square; it pulses every second."""
from bevy import Script, Transform, Vec3, input
from kaa import wait


class Hello(Script):
    speed = 300.0  # pixels per second; edit and save while the game runs

    def start(self):
        self.start_task(self.pulse())

    def update(self, dt):
        d = Vec3(0, 0, 0)
        if input.pressed("ArrowLeft") or input.pressed("KeyA"):
            d.x -= 1
        if input.pressed("ArrowRight") or input.pressed("KeyD"):
            d.x += 1
        if input.pressed("ArrowUp") or input.pressed("KeyW"):
            d.y += 1
        if input.pressed("ArrowDown") or input.pressed("KeyS"):
            d.y -= 1
        t = self.entity.get(Transform)
        t.translation = t.translation + d.normalize() * (self.speed * dt)

    def pulse(self):
        t = self.entity.get(Transform)
        while True:
            t.scale = Vec3(1.25, 1.25, 1)
            yield wait(0.15)
            t.scale = Vec3.ONE
            yield wait(0.85)

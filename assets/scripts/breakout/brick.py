"""A brick: `hp` hit points (set by the game when it spawns the brick), coloured by what is left."""
import config
import state
from bevy import Script, Sprite, Transform, Color
from kaa import wait


class Brick(Script):
    hp = 1

    def start(self):
        t = self.entity.get(Transform).translation
        self.x = t.x
        self.y = t.y
        self.max_hp = self.hp
        state.bricks.append(self)
        self.paint()

    def paint(self):
        self.entity.get(Sprite).color = Color.hex(config.COLORS.get(self.hp, "#ffffff"))

    def hit(self, damage):
        """The ball's message: sent by `entity.send("hit", 1)`, handled at the next frame."""
        if self.hp <= 0:
            return
        self.hp -= damage
        if self.hp > 0:
            self.paint()
            self.start_task(self.flash())
            return
        state.bricks.remove(self)
        state.game.brick_destroyed(self)
        self.entity.despawn()

    def flash(self):
        self.entity.get(Sprite).color = Color.WHITE
        yield wait(0.06)
        self.paint()

    def on_destroy(self):
        if self in state.bricks:
            state.bricks.remove(self)
        if state.game is not None:
            state.game.brick_gone(self.entity.id)

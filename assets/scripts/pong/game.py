"""Pong's manager, on the scene root: spawns the court, keeps the score, restarts on R."""
import config
import state
from bevy import Script, Color, Text2d, emit, input


def set_text(entity, text):
    # Text2d is a tuple struct: its field is named "0".
    setattr(entity.get(Text2d), "0", text)


class Game(Script):
    def start(self):
        state.game = self
        self.score = [0, 0]
        self.over = False
        half = config.HEIGHT / 2
        for y in (half + 5, -half - 5):
            self.spawn({"Sprite": {"color": Color(0.3, 0.3, 0.35), "custom_size": [config.WIDTH, 10]},
                         "Transform": {"translation": [0, y, 0]}})
        self.left = self.spawn({
            "Sprite": {"color": Color.hex("#4fc3f7"), "custom_size": [config.PADDLE_W, config.PADDLE_H]},
            "Transform": {"translation": [-config.PADDLE_X, 0, 0]},
        }, script="scripts/pong/paddle.py")
        self.right = self.spawn({
            "Sprite": {"color": Color.hex("#ef5350"), "custom_size": [config.PADDLE_W, config.PADDLE_H]},
            "Transform": {"translation": [config.PADDLE_X, 0, 0]},
        }, script="scripts/pong/ai.py")
        self.ball = self.spawn({
            "Sprite": {"color": Color.WHITE, "custom_size": [config.BALL_SIZE, config.BALL_SIZE]},
            "Transform": {"translation": [0, 0, 1]},
        }, script="scripts/pong/ball.py")
        self.text = self.spawn({"Text2d": {"0": "0 : 0"},
                                 "Transform": {"translation": [0, config.HEIGHT / 2 + 40, 0]}})

    def point(self, side):
        """The ball left the court on the other side: `side` ("left" or "right") scores."""
        if self.over:
            return
        self.score[0 if side == "left" else 1] += 1
        self.show()
        emit("point", side)
        if max(self.score) >= config.WIN_SCORE:
            self.over = True
            winner = "You win" if self.score[0] > self.score[1] else "The AI wins"
            set_text(self.text, f"{self.score[0]} : {self.score[1]}   {winner}! (R to restart)")
            emit("game_over", list(self.score))

    def show(self):
        set_text(self.text, f"{self.score[0]} : {self.score[1]}")

    def update(self, dt):
        if self.over and input.just_pressed("KeyR"):
            self.score = [0, 0]
            self.over = False
            self.show()
            if state.ball is not None:
                state.ball.serve()

"""Breakout's numbers and level layouts, shared by its scripts (edit and save while it runs)."""
WIDTH = 720.0
HEIGHT = 560.0
WALL = 10.0
PADDLE_W = 104.0
PADDLE_H = 14.0
PADDLE_Y = -HEIGHT / 2 + 40
PADDLE_SPEED = 600.0
BALL_SIZE = 12.0
BALL_SPEED = 380.0
SERVE = (0.45, 1.0)      # launch direction (normalized by the ball)
MAX_BOUNCE = 1.05        # radians off vertical when the ball hits the paddle's edge
AUTO_LAUNCH = 3.0        # seconds on the paddle before the ball launches itself
BRICK_W = 64.0
BRICK_H = 22.0
GAP = 4.0
TOP = HEIGHT / 2 - 70
LIVES = 3
COLORS = {1: "#66bb6a", 2: "#ffca28", 3: "#ef5350"}
POINTS = {1: 10, 2: 20, 3: 40}   # by a brick's starting hit points

# Every POWERUP_EVERY-th brick destroyed drops the next power-up of POWERUPS.
POWERUP_EVERY = 4
POWERUPS = ["wide", "slow"]
POWERUP_COLORS = {"wide": "#4fc3f7", "slow": "#ba68c8"}
POWERUP_SPEED = 160.0
POWERUP_TIME = 8.0       # seconds before a power-up wears off
WIDE = 1.6               # paddle width factor
SLOW = 0.6               # ball speed factor

# A digit is a brick with that many hit points; "." is a gap. Rows top to bottom.
LEVELS = [
    ["3333333333",
     "2222222222",
     "1111111111",
     "1111111111"],
    ["3.3.3333.3",
     "2222..2222",
     "1111111111",
     ".11.11.11.",
     "1111111111"],
    ["....33....",
     "...2222...",
     "..111111..",
     ".22222222.",
     "3333333333"],
]

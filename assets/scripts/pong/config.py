"""Pong's numbers, shared by its scripts (edit and save to retune a running game)."""
WIDTH = 800.0
HEIGHT = 480.0
PADDLE_W = 16.0
PADDLE_H = 96.0
PADDLE_X = WIDTH / 2 - 40.0
PLAYER_SPEED = 420.0
AI_SPEED = 260.0
BALL_SIZE = 14.0
BALL_SPEED = 300.0
SPEEDUP = 1.08
WIN_SCORE = 5

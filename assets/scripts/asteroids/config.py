"""Asteroids' numbers, shared by its scripts (edit and save while it runs)."""
WIDTH = 1280.0          # the field wraps at these edges (the default window's size)
HEIGHT = 720.0
SEED = 2026             # the rocks' sizes, places and drift come from this

SHIP_SIZE = 26.0
SHIP_RADIUS = 13.0
TURN_SPEED = 4.2        # radians per second
THRUST = 460.0          # pixels per second squared
DRAG = 0.5              # share of the speed lost per second
MAX_SPEED = 520.0
INVULNERABLE = 2.4      # seconds after a respawn
BLINK = 0.12            # seconds per blink phase
LIVES = 3

BULLET_SPEED = 720.0
BULLET_LIFE = 0.9       # seconds
FIRE_DELAY = 0.18       # seconds between shots while Space is held

ROCK_SIZE = {3: 84.0, 2: 48.0, 1: 26.0}       # by size class; a hit splits 3 -> 2 x 2 -> 2 x 1
ROCK_SPEED = {3: 55.0, 2: 95.0, 1: 140.0}
ROCK_POINTS = {3: 20, 2: 50, 1: 100}
ROCK_COLORS = ["#8d8d8d", "#a1887f", "#90a4ae"]
WAVE_START = 3          # wave n has WAVE_START + n big rocks
SAFE_DISTANCE = 260.0   # new rocks start at least this far from the ship
WAVE_PAUSE = 1.5        # seconds of "Wave n" before its rocks appear

"""The field wraps around: leaving one edge brings you back at the opposite one."""
import config
from bevy import Vec3

HALF_W = config.WIDTH / 2
HALF_H = config.HEIGHT / 2


def wrap(p, margin=0.0):
    """`p` (a Vec3) moved back into the field, `margin` pixels beyond its edges allowed."""
    w = HALF_W + margin
    h = HALF_H + margin
    x, y = p.x, p.y
    if x > w:
        x -= 2 * w
    elif x < -w:
        x += 2 * w
    if y > h:
        y -= 2 * h
    elif y < -h:
        y += 2 * h
    return Vec3(x, y, p.z)

def move(dx, dy, /):
    return dx + dy

move(dx=1, dy=2)

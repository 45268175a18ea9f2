def spawn(name, *, x, y):
    return name, x, y

spawn('orc', x=1)

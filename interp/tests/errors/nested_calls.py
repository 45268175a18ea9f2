def a():
    b()
def b():
    c()
def c():
    return [][0]
a()

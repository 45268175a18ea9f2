# Class attributes as defaults, shadowed by instance attributes, read at the same sites
# many times (the attribute cache must follow every change).
class Mover:
    speed = 400.0
    name = "mover"
    tags = ("a", "b")
    entity = None
    big = 10 ** 30

    def read(self):
        return (self.speed, self.name, self.tags, self.entity, self.big)


a, b = Mover(), Mover()
b.speed = 1.5
b.name = "fast"
b.entity = 7
for _ in range(3):
    print(a.read(), b.read())
del b.speed
print(b.read())
b.big = 1
print([m.read()[4] for m in (a, b, a, b)])
Mover.speed = 9
print(a.read(), b.read())
Mover.name = property(lambda self: "prop:" + self.__dict__.get("name", "?"))
print(a.read(), b.read())
del Mover.name
print(a.read()[1] if hasattr(a, "name") else "no name", b.read()[1])
Mover.name = "back"
print(a.read()[1], b.read()[1])


class Slotted:
    __slots__ = ("x",)
    y = 5

    def get(self):
        return self.x, self.y


s = Slotted()
s.x = 1
print([s.get() for _ in range(3)])
try:
    s.y = 6
except AttributeError as e:
    print("AttributeError:", e)


class Child(Mover):
    pass


c = Child()
c.speed = 2
print([o.read()[0] for o in (a, b, c, a, c)])

# Registries with __init_subclass__, class keywords and __set_name__ descriptors.
class Plugin:
    registry = {}
    def __init_subclass__(cls, /, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.key = key or cls.__name__.lower()
        Plugin.registry[cls.key] = cls

class Audio(Plugin, key="sound"):
    pass

class Physics(Plugin):
    pass

print(sorted(Plugin.registry), Audio.key, Physics.key)

class Field:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        self.owner = owner.__name__
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 0)
    def __set__(self, obj, value):
        if value < 0:
            raise ValueError(f"{self.owner}.{self.name[1:]} must be >= 0")
        setattr(obj, self.name, value)

class Player:
    health = Field()
    score = Field()
    def __init__(self, health):
        self.health = health

p = Player(10)
p.score = 5
print(p.health, p.score, vars(p), Player.health.name)
try:
    p.health = -1
except ValueError as e:
    print("ValueError:", e)

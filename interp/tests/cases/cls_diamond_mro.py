# Multiple inheritance: diamond MRO, cooperative super() with **kwargs, mixins.
class Base:
    def __init__(self, **kw):
        self.log = ["Base"]
        super().__init__()
    def who(self):
        return ["Base"]

class Left(Base):
    def __init__(self, left=1, **kw):
        super().__init__(**kw)
        self.left = left
        self.log.append("Left")
    def who(self):
        return ["Left"] + super().who()

class Right(Base):
    def __init__(self, right=2, **kw):
        super().__init__(**kw)
        self.right = right
        self.log.append("Right")
    def who(self):
        return ["Right"] + super().who()

class JsonMixin:
    def to_json(self):
        import json
        return json.dumps({k: v for k, v in vars(self).items() if k != "log"}, sort_keys=True)

class Both(JsonMixin, Left, Right):
    def who(self):
        return ["Both"] + super().who()

b = Both(left=10, right=20)
print([c.__name__ for c in Both.__mro__])
print(b.who(), b.log, b.to_json())
print(isinstance(b, Right), issubclass(Both, JsonMixin), Both.__bases__)
try:
    class Bad(Left, Base, Right):
        pass
except TypeError as e:
    print("TypeError:", e)
print(super(Left, b).who(), Left.who(b))

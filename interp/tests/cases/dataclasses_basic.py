from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError, KW_ONLY, InitVar, is_dataclass, make_dataclass
from typing import ClassVar, List

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p != Point(1, 3), p == (1, 2))
print(Point.__doc__, Point.__match_args__, Point.y)
print(asdict(p), astuple(p), replace(p, y=5))
print([f.name for f in fields(p)], is_dataclass(p), is_dataclass(Point), is_dataclass(1))
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
    tags: tuple = ()

vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2, 0, ("rc",))]
print(sorted(vs))
print(Version(1) < Version(1, 1), Version(2) >= Version(1, 9), hash(Version(1)) == hash(Version(1)))
try:
    vs[0].major = 3
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
try:
    del vs[0].minor
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print({Version(1): "a"}[Version(1)])

@dataclass
class Inventory:
    owner: str
    items: list = field(default_factory=list)
    counts: dict = field(default_factory=dict, repr=False)
    secret: str = field(default="hidden", repr=False, compare=False)
    total: ClassVar[int] = 0
    _: KW_ONLY
    verbose: bool = False

inv = Inventory("ann")
inv.items.append("sword")
inv2 = Inventory("bob", verbose=True)
print(inv, inv2, inv2.items is inv.items, Inventory.total)
print(Inventory("ann", ["sword"], secret="x") == inv)
print([f.name for f in fields(Inventory)])

@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    scale: InitVar[int] = 2
    def __post_init__(self, scale):
        self.b = self.a * scale

print(WithPost(3), WithPost(3, 10))

@dataclass
class Base:
    x: int = 1
    def hello(self):
        return f"hello from {self!r}"

@dataclass
class Child(Base):
    y: str = "y"
    x: int = 5

print(Child(), Child(2, "z").hello(), Child.__match_args__)

try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e:
    print("ValueError:", e)

try:
    @dataclass
    class Bad2:
        x: int = 1
        y: int
except TypeError as e:
    print("TypeError:", e)

try:
    Point()
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, z=2)
except TypeError as e:
    print("TypeError:", e)

@dataclass(eq=False)
class Ident:
    v: int
print(Ident(1) == Ident(1), hash(Ident(1)) != 0)

@dataclass(unsafe_hash=True)
class UH:
    v: int
    w: list = field(default_factory=list, hash=False)
print(hash(UH(1)) == hash(UH(1, [1])))

@dataclass
class Node:
    value: int
    children: List["Node"] = field(default_factory=list)
n = Node(1, [Node(2), Node(3, [Node(4)])])
print(n)
print(asdict(n))
n.children.append(n)
print(repr(n)[:60])

P3 = make_dataclass("P3", ["z", ("x", int), ("y", int, field(default=7))])
print(P3(1, x=3), P3.__doc__)

match Point(0, 5):
    case Point(0, y):
        print("on the y axis at", y)

@dataclass
class Empty:
    pass
print(Empty(), Empty() == Empty())

@dataclass(repr=False)
class NoRepr:
    a: int
print(repr(NoRepr(1)).startswith("<__main__.NoRepr object at"))
print(Version.__eq__.__qualname__, Point.__init__.__qualname__)

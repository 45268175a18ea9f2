from enum import Enum, IntEnum, Flag, IntFlag, auto, StrEnum, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(repr(Color.RED), str(Color.RED), f"{Color.RED}", format(Color.RED, ">12"), Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.__members__)
try:
    print(1 in Color)
except TypeError as e: print("TypeError", e)
print(Color.RED in Color, Color(2), Color['BLUE'])
try: Color(7)
except ValueError as e: print("ValueError", e)
try: Color['X']
except KeyError as e: print("KeyError", e)
try: Color.RED < Color.GREEN
except TypeError as e: print("TypeError", e)
try: Color.RED = 4
except AttributeError as e: print("AttributeError", e)
class N(IntEnum):
    ONE = 1
    TWO = 2
print(repr(N.ONE), str(N.ONE), f"{N.ONE}", N.ONE + 1, N.ONE < N.TWO, N(2), N.TWO == 2, format(N.TWO, "03d"))
class P(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W
print(repr(P.R | P.W), str(P.R|P.X), P(0), repr(P(0)), list(P), ~P.R, P.RW, bool(P(0)), P.R in P.RW, repr(P(7)))
class IP(IntFlag):
    A = 1
    B = 2
print(repr(IP.A | IP.B), str(IP.A|IP.B), IP.A | 4, repr(IP(8)))
class S(StrEnum):
    X = auto()
    Y = "why"
print(repr(S.X), str(S.X), S.Y.upper(), f"{S.Y}")
print(type(Color), repr(Color), Color.RED.name, Color.RED.value, hash(Color.RED) == hash("RED"))
class Planet(Enum):
    EARTH = (5.976e+24, 6.37814e6)
    MARS = (6.421e+23, 3.3972e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.gravity, Planet.MARS.value)
A = Enum('A', 'X Y Z')
print(list(A), A.Y.value, Enum('B', [('P', 5), ('Q', 6)]).Q)
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
except ValueError as e: print("ValueError", e)
try:
    class More(Color):
        PINK = 9
except TypeError as e: print("TypeError", e)
class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()
print(list(Auto), [m.value for m in Auto])
print(Color.RED == 1, N.ONE == 1, Color.RED.__class__, isinstance(Color.RED, Color))

print(Color._member_names_, list(reversed(Color)))

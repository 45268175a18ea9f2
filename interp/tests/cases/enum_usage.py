# Enums as game code uses them: states, directions, flags, match, dict keys, sorting.
from enum import Enum, IntEnum, Flag, auto, unique

class State(Enum):
    IDLE = auto()
    WALKING = auto()
    JUMPING = auto()

    def can_jump(self):
        return self in (State.IDLE, State.WALKING)

    @property
    def label(self):
        return self.name.title()

@unique
class Direction(Enum):
    UP = (0, -1)
    DOWN = (0, 1)
    LEFT = (-1, 0)
    RIGHT = (1, 0)

    def __init__(self, dx, dy):
        self.dx = dx
        self.dy = dy

    @property
    def opposite(self):
        return {Direction.UP: Direction.DOWN, Direction.DOWN: Direction.UP,
                Direction.LEFT: Direction.RIGHT, Direction.RIGHT: Direction.LEFT}[self]

class Priority(IntEnum):
    LOW = auto()
    MEDIUM = auto()
    HIGH = auto()

class Layer(Flag):
    NONE = 0
    PLAYER = auto()
    ENEMY = auto()
    WALL = auto()
    SOLID = PLAYER | ENEMY | WALL

state = State.IDLE
transitions = []
for event in ["move", "jump", "land", "jump", "stop"]:
    match (state, event):
        case (State.IDLE, "move"):
            state = State.WALKING
        case (_, "jump") if state.can_jump():
            state = State.JUMPING
        case (State.JUMPING, "land"):
            state = State.WALKING
        case (State.WALKING, "stop"):
            state = State.IDLE
        case _:
            pass
    transitions.append(state.label)
print(" -> ".join(transitions))

pos = [0, 0]
for d in [Direction.RIGHT, Direction.RIGHT, Direction.DOWN, Direction.LEFT.opposite]:
    pos[0] += d.dx
    pos[1] += d.dy
print(pos, Direction((0, 1)), Direction.UP.value, [d.name for d in Direction])

tasks = [("draw", Priority.LOW), ("physics", Priority.HIGH), ("ai", Priority.MEDIUM)]
tasks.sort(key=lambda t: t[1], reverse=True)
print(tasks)
print(Priority.HIGH > Priority.LOW, Priority.MEDIUM + 10, Priority(3), sum(Priority), max(Priority))
print({p: p.value * 100 for p in Priority})

mask = Layer.PLAYER | Layer.WALL
print(mask, repr(mask), Layer.PLAYER in mask, Layer.ENEMY in mask, bool(Layer.NONE))
print(list(mask), len(mask), Layer.SOLID & ~Layer.WALL, Layer(6))
print([m.name for m in Layer], Layer.SOLID.value)

counts = {}
for s in [State.IDLE, State.WALKING, State.IDLE, State.JUMPING, State.IDLE]:
    counts[s] = counts.get(s, 0) + 1
print(counts)
print(sorted(State, key=lambda s: s.name), State["WALKING"], State(3))
print(f"{State.IDLE!r} {State.IDLE!s} {State.IDLE.value:>4} {Priority.HIGH:03d}")
print(isinstance(State.IDLE, State), type(State.IDLE) is State, State.IDLE is State(1))
print(State.__members__.keys(), len(State))

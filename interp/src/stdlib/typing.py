"""Type-hint names, enough for annotated scripts to import and run (no checking)."""

class _Special:
    def __init__(self, name):
        self._name = name
    def __getitem__(self, params):
        return self
    def __call__(self, *args, **kwargs):
        return args[0] if args else None
    def __repr__(self):
        return "typing." + self._name

for _n in ["Any", "Union", "Optional", "List", "Dict", "Set", "Tuple", "Callable", "Iterable",
           "Iterator", "Generator", "Sequence", "Mapping", "Type", "ClassVar", "Final", "Literal",
           "FrozenSet", "Deque", "DefaultDict", "Awaitable", "Coroutine", "NoReturn", "Annotated"]:
    globals()[_n] = _Special(_n)
del _n

TYPE_CHECKING = False

def TypeVar(name, *constraints, bound=None, covariant=False, contravariant=False):
    return _Special(name)

def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    return new_type

def cast(typ, val):
    return val

def overload(func):
    return func

def final(f):
    return f

class Generic:
    def __class_getitem__(cls, params):
        return cls

class Protocol(Generic):
    pass

def NamedTuple(typename, fields=None, **kwargs):
    from collections import namedtuple
    fields = fields or list(kwargs.items())
    return namedtuple(typename, [f[0] for f in fields])

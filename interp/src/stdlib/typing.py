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


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a function, class or module, with string annotations evaluated."""
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get("__annotations__", {})
            g = globalns
            if g is None:
                import sys
                mod = sys.modules.get(base.__module__)
                g = mod.__dict__ if mod is not None else {}
            for name, value in ann.items():
                if isinstance(value, str):
                    value = eval(value, g, dict(vars(base)) if localns is None else localns)
                hints[name] = value
        return hints
    ann = getattr(obj, "__annotations__", None) or {}
    g = globalns if globalns is not None else getattr(obj, "__globals__", {})
    hints = {}
    for name, value in ann.items():
        if value is None:
            value = type(None)
        if isinstance(value, str):
            value = eval(value, g, localns)
        hints[name] = value
    return hints


def get_origin(tp):
    return getattr(tp, "__origin__", None)


def get_args(tp):
    return getattr(tp, "__args__", ())

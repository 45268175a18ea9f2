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

def NamedTuple(typename, fields=None, /, **kwargs):
    """Typed version of namedtuple: `NamedTuple("P", [("x", int)])`, or as a base class with
    annotated fields (`class P(NamedTuple): x: int; y: int = 0`)."""
    if fields is None:
        fields = kwargs.items()
    elif kwargs:
        raise TypeError("Either list of fields or keywords"
                        " can be provided to NamedTuple, not both")
    from collections import namedtuple
    fields = list(fields)
    nt = namedtuple(typename, [n for n, _ in fields])
    nt.__annotations__ = dict(fields)
    return nt


_prohibited = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                         "_field_defaults", "_make", "_replace", "_asdict", "_source"})
_special = frozenset({"__module__", "__name__", "__annotations__"})


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        from collections import namedtuple
        types = ns.get("__annotations__", {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field"
                                f"{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = namedtuple(typename, list(types),
                            defaults=[ns[n] for n in default_names],
                            module=ns["__module__"])
        nm_tpl.__annotations__ = dict(types)
        for key in ns:
            if key in _prohibited:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            elif key not in _special and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        return nm_tpl


_NamedTuple = type.__new__(NamedTupleMeta, "NamedTuple", (), {})


def _namedtuple_mro_entries(bases):
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


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


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError("cannot inherit from both a TypedDict type "
                                "and a non-TypedDict base class")
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), ns)
        annotations = {}
        own_annotations = ns.get("__annotations__", {})
        required_keys = set()
        optional_keys = set()
        for base in bases:
            annotations.update(base.__dict__.get("__annotations__", {}))
            required_keys.update(base.__dict__.get("__required_keys__", ()))
            optional_keys.update(base.__dict__.get("__optional_keys__", ()))
        annotations.update(own_annotations)
        for key in own_annotations:
            if total:
                required_keys.add(key)
            else:
                optional_keys.add(key)
        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required_keys)
        tp_dict.__optional_keys__ = frozenset(optional_keys)
        if "__total__" not in tp_dict.__dict__:
            tp_dict.__total__ = total
        return tp_dict

    def __init__(cls, name, bases, ns, total=True):
        pass

    # Calling a TypedDict makes a plain dict.
    __call__ = dict

    def __subclasscheck__(cls, other):
        raise TypeError("TypedDict does not support instance and class checks")

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """A dict with a fixed set of typed keys: `class Movie(TypedDict): name: str`, or
    `TypedDict("Movie", {"name": str})`. Instances are plain dicts."""
    if fields is None:
        fields = kwargs
    elif kwargs:
        raise TypeError("TypedDict takes either a dict or keyword arguments, but not both")
    ns = {"__annotations__": dict(fields), "__module__": "__main__"}
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, "TypedDict", (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)

"""Names of builtin types (a pure-Kaa version of CPython's types)."""

def _f():
    pass
FunctionType = type(_f)
LambdaType = type(lambda: None)
def _g():
    yield 1
GeneratorType = type(_g())
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(__import__("sys"))
class _C:
    def _m(self):
        pass
MethodType = type(_C()._m)
NoneType = type(None)
EllipsisType = type(...)
NotImplementedType = type(NotImplemented)

class SimpleNamespace:
    def __init__(self, /, **kwargs):
        self.__dict__.update(kwargs)
    def __repr__(self):
        items = (f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"namespace({', '.join(items)})"
    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

def coroutine(func):
    """Make a generator function's generators awaitable (they stay generators)."""
    if not callable(func):
        raise TypeError("types.coroutine() expects a callable")
    import _kaa
    return _kaa.iterable_coroutine(func)

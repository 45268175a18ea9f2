try:
    raise ValueError("a") from KeyError("b")
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__, e.__context__)
def f():
    try:
        raise TypeError("inner")
    except TypeError as e:
        return e
err = f(); print(err, type(err), err.__traceback__ is None)
class E(Exception):
    pass
print(E(), repr(E()), E("x", 1), repr(E("x")), str(E(1)), E.__mro__[1:3])
try:
    raise E
except E as e:
    print("caught class", type(e).__name__)
x = None
try:
    x.attr = 5
except AttributeError as e:
    print(e)
try:
    (1, 2)[0] = 5
except TypeError as e:
    print(e)
try:
    del (1, 2)[0]
except TypeError as e:
    print(e)
try:
    "abc".nonexistent()
except AttributeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    int([])
except TypeError as e:
    print(e)
try:
    [1, 2].index(9)
except ValueError as e:
    print(e)
try:
    {}.pop("k")
except KeyError as e:
    print(repr(e))
try:
    set().pop()
except KeyError as e:
    print(e)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    iter(5)
except TypeError as e:
    print(e)
try:
    next([])
except TypeError as e:
    print(e)
try:
    sum(["a"])
except TypeError as e:
    print(e)
try:
    "a" * "b"
except TypeError as e:
    print(e)
try:
    1 < "a"
except TypeError as e:
    print(e)
try:
    [] + ()
except TypeError as e:
    print(e)
try:
    f(1, 2, 3)
except TypeError as e:
    print(e)
try:
    print(undefined_var)
except NameError as e:
    print(e, e.name if hasattr(e, "name") else "")
try:
    int("1.5")
except ValueError as e:
    print(e)
try:
    float("abc")
except ValueError as e:
    print(e)
try:
    chr(-1)
except ValueError as e:
    print(e)
try:
    {}[[]]
except TypeError as e:
    print(e)
try:
    a, b = 1
except TypeError as e:
    print(e)
try:
    import sys; sys.exit(5)
except SystemExit as e:
    print("exit code", e.code)
try:
    raise KeyboardInterrupt
except BaseException as e:
    print(type(e).__name__, isinstance(e, Exception))
def gen():
    yield 1
g = gen(); next(g)
try:
    next(g)
except StopIteration as e:
    print("stop", e.value, e.args)
try:
    raise StopIteration(7)
except StopIteration as e:
    print(e.value)
class Ctx:
    def __enter__(self): return self
    def __exit__(self, *exc): print("exit args", [type(x).__name__ for x in exc]); return False
try:
    with Ctx():
        raise IndexError("i")
except IndexError as e:
    print("after ctx", e)
try:
    try:
        raise ValueError(1)
    finally:
        print("finally runs")
except ValueError as e:
    print("outer", e.args)
print(ValueError.__name__, ValueError.__bases__, issubclass(UnicodeDecodeError, ValueError))
e = ValueError("x"); e.extra = 5; print(e.extra, e.args)
try:
    raise
except RuntimeError as e:
    print(e)

def f():
    try:
        raise ExceptionGroup("many", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as e:
        print("got", repr(e))
        raise RuntimeError("handler failed")
    except* KeyError:
        print("keys handled")

try:
    f()
except ExceptionGroup as eg:
    print(repr(eg))
    print([type(x).__name__ for x in eg.exceptions])

try:
    try:
        raise OSError("naked")
    except* OSError as e:
        print("naked wrapped:", repr(e))
except Exception as e:
    print("escaped", e)

try:
    try:
        raise KeyError("unhandled")
    except* ValueError:
        print("no")
except KeyError as e:
    print("naked re-raised as itself:", repr(e))

try:
    try:
        raise ExceptionGroup("g", [ValueError("x")])
    except* TypeError:
        pass
except ExceptionGroup as e:
    print("same group:", repr(e))

for bad in ["BaseExceptionGroup('m', [])", "ExceptionGroup(1, [ValueError()])", "ExceptionGroup('m', [1])", "ExceptionGroup('m', [KeyboardInterrupt()])"]:
    try:
        eval(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(type(BaseExceptionGroup("x", [ValueError()])).__name__, type(BaseExceptionGroup("x", [KeyboardInterrupt()])).__name__)
print(issubclass(ExceptionGroup, Exception), issubclass(ExceptionGroup, BaseExceptionGroup), str(ExceptionGroup("m", [ValueError()])))
try:
    try:
        raise ExceptionGroup("g", [ValueError()])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print("TypeError", e)

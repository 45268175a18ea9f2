# Inspecting caught exceptions: args, str/repr, __context__, suppressed context, finally order.
def parse(text):
    try:
        return int(text)
    except ValueError:
        raise KeyError(f"bad key {text!r}")

try:
    parse("x1")
except KeyError as e:
    print(repr(e), e.args, type(e.__context__).__name__, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("replacement") from None
except RuntimeError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)

def order():
    log = []
    try:
        try:
            log.append("try")
            raise ValueError("v")
        finally:
            log.append("inner finally")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("outer finally")
    return log
print(order())
for exc in [ValueError(), ValueError("one"), ValueError("a", 2), KeyError("k"), OSError(2, "No such file"), StopIteration(5), SystemExit(3)]:
    print(type(exc).__name__, repr(exc), str(exc), exc.args)
print(StopIteration(5).value, SystemExit(3).code, OSError(2, "x").errno, OSError(2, "x").strerror)

class AppError(Exception):
    def __init__(self, msg, code=0):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
try:
    raise AppError("broken", 7)
except AppError as e:
    print(e, repr(e), e.code, e.args)
def risky(n):
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n
results = []
for n in [1, -2, 3]:
    try:
        results.append(risky(n))
    except ValueError as e:
        results.append(str(e))
print(results)
try:
    try:
        raise ValueError("a")
    except ValueError as e:
        raise TypeError("b") from e
except TypeError as e:
    print(type(e.__cause__).__name__, e.__cause__, e.__context__ is e.__cause__)
def nested():
    try:
        return 1 / 0
    except ZeroDivisionError:
        return "handled"
    finally:
        print("nested finally")
print(nested())
errors = [ValueError, TypeError, KeyError]
for cls in errors:
    try:
        raise cls("x")
    except (ValueError, TypeError):
        print("vt", cls.__name__)
    except Exception as e:
        print("other", type(e).__name__, e)
try:
    raise ExceptionGroup("g", [ValueError()]) if False else StopIteration(5)
except StopIteration as e:
    print("stop", e.value, e.args)
print(repr(ValueError()), repr(KeyError("k")), str(KeyError("k")), str(KeyError()), repr(OSError("x")))

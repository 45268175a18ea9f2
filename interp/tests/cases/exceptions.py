def f(x):
    try:
        if x == 0: raise ValueError("zero")
        if x == 1: raise KeyError("one")
        if x == 2: return "two"
    except ValueError as e:
        return f"value error: {e}"
    except (KeyError, IndexError) as e:
        return f"lookup: {e!r}"
    else:
        return "else"
    finally:
        print("finally", x)
for i in range(4): print(f(i))
try:
    try:
        raise TypeError("inner")
    except TypeError:
        raise ValueError("outer")
except ValueError as e:
    print(e, type(e.__context__).__name__, e.__context__, e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise RuntimeError("wrapped") from z
except RuntimeError as e:
    print(e, repr(e.__cause__), e.__suppress_context__)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args, str(e) == "")
class MyErr(Exception): pass
class Sub(MyErr): pass
try:
    raise Sub("s")
except MyErr as e:
    print("caught", type(e).__name__, isinstance(e, Exception))
def reraiser():
    try:
        raise KeyError("k")
    except KeyError:
        raise
try:
    reraiser()
except KeyError as e:
    print("reraised", e)
try:
    [][1]
except IndexError as e:
    print(e)
try:
    {}["x"]
except KeyError as e:
    print(e, e.args)
try:
    int("abc")
except ValueError as e:
    print(e)
try:
    undefined_name
except NameError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    raise Exception("a", 1)
except Exception as e:
    print(e, e.args)
def finally_return():
    try:
        return "try"
    finally:
        print("in finally")
print(finally_return())
def finally_override():
    try:
        return 1
    finally:
        return 2
print(finally_override())
for i in range(3):
    try:
        if i == 1: continue
        print("body", i)
    finally:
        print("fin", i)
while True:
    try:
        break
    finally:
        print("break finally")
try:
    try:
        raise ValueError("x")
    finally:
        print("cleanup runs")
except ValueError:
    print("outer caught")
e_saved = None
try:
    raise ValueError("gone")
except ValueError as e:
    e_saved = e
print(e_saved)
try:
    e
except NameError as ne:
    print("e unbound:", ne)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(StopIteration, Exception))
try:
    assert 1 == 2, "math broke"
except AssertionError as ae:
    print("assert:", ae)
import sys
try:
    raise ValueError("info")
except ValueError:
    print(sys.exc_info()[0].__name__, sys.exc_info()[1])
print(sys.exc_info())

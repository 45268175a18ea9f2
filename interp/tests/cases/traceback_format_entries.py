import sys, traceback
def f():
    raise KeyError("inner")
try:
    try:
        f()
    except KeyError as e:
        raise ValueError("outer") from e
except ValueError:
    parts = traceback.format_exception(*sys.exc_info())
    print(len(parts))
    for p in parts:
        print(repr(p.replace(__file__, "F")))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        [][1]
except IndexError as e:
    for p in traceback.format_exception(e):
        print(repr(p.replace(__file__, "F")))
    print(traceback.format_exception_only(e))

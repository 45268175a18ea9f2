# Context managers: classes, contextlib.contextmanager, suppress, nesting and exceptions.
from contextlib import contextmanager, suppress

log = []

class Timer:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        log.append(f"enter {self.name}")
        return self
    def __exit__(self, et, ev, tb):
        log.append(f"exit {self.name} {et.__name__ if et else 'ok'}")
        return False

@contextmanager
def tag(name):
    log.append(f"<{name}>")
    try:
        yield name.upper()
    except KeyError as e:
        log.append(f"handled {e!r}")
    finally:
        log.append(f"</{name}>")

with Timer("outer") as t, tag("b") as b:
    log.append(f"body {t.name} {b}")
with tag("i"):
    {}["missing"]
with suppress(ZeroDivisionError):
    1 / 0
    log.append("not reached")
try:
    with Timer("fail"):
        raise ValueError("boom")
except ValueError as e:
    log.append(f"caught {e}")
print("\n".join(log))

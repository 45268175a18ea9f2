# A retry decorator with exception filters, backoff bookkeeping and final re-raise.
import functools

class TransientError(Exception):
    pass

def retry(times=3, on=(TransientError,)):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            attempts = []
            for i in range(1, times + 1):
                try:
                    result = fn(*args, **kwargs)
                    attempts.append(f"ok@{i}")
                    wrapper.history.append(attempts)
                    return result
                except on as e:
                    attempts.append(f"{type(e).__name__}@{i}")
                    last = e
            wrapper.history.append(attempts)
            raise RuntimeError(f"{fn.__name__} failed after {times} tries") from last
        wrapper.history = []
        return wrapper
    return deco

calls = {"n": 0}
@retry(times=4)
def flaky():
    calls["n"] += 1
    if calls["n"] < 3:
        raise TransientError(f"try {calls['n']}")
    return "success"

@retry(times=2)
def broken():
    raise TransientError("always")

@retry()
def fatal():
    raise KeyError("not retried")

print(flaky(), flaky.history)
try:
    broken()
except RuntimeError as e:
    print(e, "| cause:", repr(e.__cause__), broken.history)
try:
    fatal()
except KeyError as e:
    print("KeyError passes through:", e, fatal.history)
print(flaky.__name__, broken.__wrapped__.__name__)

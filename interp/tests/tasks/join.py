# Joining tasks: results, failures re-raised in the joiner, cancellation as CancelledError,
# joining an already finished task, and result()/done()/cancelled().
from kaa import spawn, wait, CancelledError, frame_count

def value_after(v, secs):
    yield wait(secs)
    return v

def fails():
    yield
    raise ValueError("boom")

def forever():
    while True:
        yield wait(1)

def main():
    quick = spawn(value_after, "quick", 0)
    slow = spawn(value_after, "slow", 0.2)
    bad = spawn(fails)
    endless = spawn(forever)
    print("quick:", (yield quick), "frame", frame_count())
    print("slow:", (yield slow), "frame", frame_count())
    print("slow again (already done):", (yield slow))
    try:
        yield bad
    except ValueError as e:
        print("joined failure:", repr(e))
    endless.cancel()
    try:
        yield endless
    except CancelledError:
        print("joined cancelled task")
    print(quick.done(), quick.result(), bad.done(), endless.cancelled(), repr(bad.exception()))
    try:
        bad.result()
    except ValueError as e:
        print("result() raises:", e)
    pending = spawn(forever)
    try:
        pending.result()
    except RuntimeError as e:
        print("RuntimeError:", e)
    pending.cancel()
    return "main done"

def plain(x):
    return x * 2

m = spawn(main)
p = spawn(plain, 21)
def report():
    print("plain function task:", (yield p))
    print("main:", (yield m))
spawn(report)

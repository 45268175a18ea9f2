# Links: bidirectional and idempotent; an abnormal exit stops linked tasks unless they trap
# exits (then they get ("EXIT", task, reason)); a normal exit stops nobody; unlink.
from kaa import spawn, wait, receive, link, unlink, trap_exit, current_task

def a():
    yield wait(0.05)
    raise RuntimeError("a crashed")

def b(target):
    link(target)
    link(target)            # twice: still one link
    try:
        yield wait(10)
    finally:
        print("b stopped because a died")

def c(target):
    trap_exit(True)
    link(target)
    kind, who, reason = yield receive()
    print("c trapped:", kind, who is target, type(reason).__name__, getattr(reason, "reason", None).__class__.__name__)

def normal():
    yield wait(0.02)
    return "fine"

def watcher_of_normal(t):
    link(t)
    yield wait(0.1)
    print("normal exit stopped nobody")

def unlinker(t):
    link(t)
    unlink(t)
    yield wait(0.2)
    print("unlinked task survived")

ta = spawn(a)
tb = spawn(b, ta)
tc = spawn(c, tb)
tn = spawn(normal)
spawn(watcher_of_normal, tn)
spawn(unlinker, spawn(a))

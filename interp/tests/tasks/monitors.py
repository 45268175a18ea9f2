# Monitors: one-way DOWN messages with the reason; demonitor; a monitor on a finished task
# gets an immediate ("DOWN", ref, task, "noproc").
from kaa import spawn, wait, receive, monitor, demonitor

def short(v):
    yield wait(0.02)
    if v == "fail":
        raise KeyError("k")
    return v

def main():
    ok = spawn(short, "x")
    bad = spawn(short, "fail")
    quiet = spawn(short, "quiet")
    r1 = monitor(ok)
    r2 = monitor(bad)
    r3 = monitor(quiet)
    demonitor(r3)
    for _ in range(2):
        tag, ref, task, reason = yield receive()
        print(tag, ref in (r1, r2), task is ok or task is bad, repr(reason))
    yield wait(0.1)
    r4 = monitor(quiet)
    print((yield receive(timeout=0)) == ("DOWN", r4, quiet, "noproc"))
    print("nothing else:", (yield receive(timeout=0.05)))
spawn(main)

# AtomVM's link bugs as tests: a duplicate link delivers one exit, not two; unlink works from
# either side; a link to a task that already ended is a "noproc" exit; after any exit no link
# is left behind (a later failure of the survivor touches nobody).
from kaa import spawn, wait, receive, link, unlink, trap_exit

def crash(after):
    yield wait(after)
    raise ValueError("crash")

def fine(after):
    yield wait(after)
    return "ok"

def double_linker(t):
    trap_exit(True)
    link(t)
    link(t)
    kind, who, reason = yield receive()
    print("got", kind, who is t, repr(reason))
    print("a second exit?", (yield receive(timeout=0.2)))

def unlinked_by_other_side():
    yield wait(0.3)
    print("survived: the crashing task unlinked itself first")

def unlink_then_crash(peer):
    link(peer)
    unlink(peer)           # from this side; the peer's link is gone too
    yield wait(0.05)
    raise KeyError("after unlink")

def late_linker(t):
    trap_exit(True)
    yield wait(0.1)        # t is finished by now
    link(t)
    print("late link:", (yield receive()))

def survivor(t):
    link(t)
    r = yield t            # t returns normally: the link goes with it
    print("joined", r)
    yield wait(0.05)
    raise RuntimeError("survivor fails later")

def bystander():
    trap_exit(True)
    print("bystander mailbox:", (yield receive(timeout=0.5)))

spawn(double_linker, spawn(crash, 0.02))
peer = spawn(unlinked_by_other_side)
spawn(unlink_then_crash, peer)
done = spawn(fine, 0.01)
t = spawn(late_linker, done)
s = spawn(survivor, spawn(fine, 0.02))
spawn(bystander)

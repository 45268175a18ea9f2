# Cancelling tasks waiting on receive, on a join, asleep; finally blocks run; a cancel during
# finally; catching CancelledError to clean up and still ending as cancelled.
from kaa import spawn, wait, receive, CancelledError, frame_count

def receiver():
    try:
        msg = yield receive()
        print("never", msg)
    finally:
        print("receiver finally at frame", frame_count())

def waiter(other):
    try:
        yield other
    except CancelledError:
        print("waiter cancelled while joining")
        raise

def sleeper():
    try:
        yield wait(10)
    finally:
        print("sleeper cleaning up")
        yield wait(0.05)
        print("sleeper cleanup finished at frame", frame_count())

def stubborn():
    try:
        yield wait(10)
    except CancelledError:
        print("stubborn caught cancel, returning normally")
    return "survived"

r = spawn(receiver)
s = spawn(sleeper)
w = spawn(waiter, s)
st = spawn(stubborn)

def controller():
    yield wait(0.05)
    print("cancelling at frame", frame_count())
    r.cancel()
    w.cancel()
    s.cancel()
    st.cancel()
    yield wait(0.02)
    s.cancel()   # a second cancel, while its finally block waits
    yield wait(0.2)
    print(r.cancelled(), w.cancelled(), s.cancelled(), st.cancelled(), st.result())
spawn(controller)

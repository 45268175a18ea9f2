"""Tasks: script coroutines run frame by frame by the VM's scheduler.

    t = spawn(body, *args)     # a generator function, an async def, or a plain function
    yield                      # next frame
    yield wait(0.5)            # game seconds
    yield wait_frames(3)
    yield wait_until(pred)
    msg = yield receive(timeout=2.0)
    result = yield t           # join: the result, or the task's error raised here

`await` works the same in `async def` bodies. Links, monitors and mailboxes follow Erlang.
"""

import _kaa_sched as _s

__all__ = ["spawn", "wait", "wait_frames", "wait_until", "receive", "send", "current_task",
           "link", "unlink", "monitor", "demonitor", "trap_exit", "CancelledError", "Task",
           "game_time", "frame_count"]


class CancelledError(BaseException):
    """Raised inside a task that is cancelled (or stopped by a linked task's exit)."""


class _Awaitable:
    """What a task yields (or awaits) to wait: the scheduler reads the object it gets."""

    def __await__(self):
        return (yield self)


class Task(_Awaitable):
    """A running script coroutine. `yield task` (or `await task`) waits for its result."""

    # Class-level until the task ends: an idle task's instance dict stays small.
    _state = "pending"
    _value = None

    def cancel(self):
        return _s.cancel(self)

    def done(self):
        return self._state != "pending"

    def cancelled(self):
        return self._state == "cancelled"

    def result(self):
        if self._state == "pending":
            raise RuntimeError("task is not done")
        if self._state == "done":
            return self._value
        raise self._value

    def exception(self):
        if self._state == "pending":
            raise RuntimeError("task is not done")
        if self._state == "failed":
            return self._value
        if self._state == "cancelled":
            raise self._value
        return None

    def __repr__(self):
        return f"<Task {self._n} {self._name} {self._state}>"


class Wait(_Awaitable):
    def __init__(self, seconds):
        self.seconds = seconds

    def __repr__(self):
        return f"wait({self.seconds!r})"


class WaitFrames(_Awaitable):
    def __init__(self, frames):
        self.frames = frames

    def __repr__(self):
        return f"wait_frames({self.frames!r})"


class WaitUntil(_Awaitable):
    def __init__(self, predicate):
        self.predicate = predicate


class Receive(_Awaitable):
    def __init__(self, timeout):
        self.timeout = timeout


_s.register(Task, Wait, WaitFrames, WaitUntil, Receive, CancelledError)


def wait(seconds):
    """Sleep for `seconds` of game time."""
    if seconds < 0:
        raise ValueError("wait() needs a non-negative number of seconds")
    return Wait(seconds)


def wait_frames(n=1):
    if n < 1:
        raise ValueError("wait_frames() needs at least one frame")
    return WaitFrames(n)


def wait_until(predicate):
    if not callable(predicate):
        raise TypeError("wait_until() needs a callable")
    return WaitUntil(predicate)


_RECEIVE_ANY = Receive(None)


def receive(timeout=None):
    """The next message in this task's mailbox (None if `timeout` seconds pass first)."""
    # The common untimed receive shares one object: a message loop allocates nothing here.
    return _RECEIVE_ANY if timeout is None else Receive(timeout)


def _run_call(fn, args, kwargs):
    return fn(*args, **kwargs)
    yield


def spawn(fn, *args, **kwargs):
    """Start a task; it first runs in this frame, after the tasks already ready."""
    if _s.is_body(fn):
        if args or kwargs:
            raise TypeError("spawn() of a generator or coroutine object takes no arguments")
        body = fn
        name = getattr(fn, "__qualname__", "task")
    elif _s.makes_body(fn):
        body = fn(*args, **kwargs)
        name = getattr(fn, "__qualname__", "task")
    elif callable(fn):
        body = _run_call(fn, args, kwargs)
        name = getattr(fn, "__qualname__", type(fn).__name__)
    else:
        raise TypeError(f"spawn() needs a callable, not {type(fn).__name__!r}")
    t = Task()
    t._name = name
    _s.start(t, body)
    return t


# Put a message in a task's mailbox. Native, as it sits in every message loop.
send = _s.send
current_task = _s.current


def link(task):
    _s.link(task)


def unlink(task):
    _s.unlink(task)


def monitor(task):
    return _s.monitor(task)


def demonitor(ref):
    _s.demonitor(ref)


def trap_exit(flag=True):
    return _s.trap_exit(flag)


def game_time():
    return _s.time()


def frame_count():
    return _s.frame()

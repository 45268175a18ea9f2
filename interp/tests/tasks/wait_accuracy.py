# wait(s) resumes on the first frame whose game time is at or after the wait's end.
from kaa import spawn, wait, wait_frames, wait_until, game_time, frame_count

def sleeper(secs):
    start = frame_count()
    yield wait(secs)
    print(f"wait({secs}) from frame {start} woke at frame {frame_count()} t={game_time():.4f}")

def framer():
    yield wait_frames(3)
    print("wait_frames(3) woke at frame", frame_count())
    yield wait_frames(1)
    print("wait_frames(1) woke at frame", frame_count())

flag = {"set": False}
def setter():
    yield wait(0.1)
    print("setting flag at frame", frame_count())
    flag["set"] = True

def until():
    yield wait_until(lambda: flag["set"])
    print("wait_until woke at frame", frame_count())

for s in (0.5, 0.25, 1 / 60, 0):
    spawn(sleeper, s)
spawn(framer)
spawn(setter)
spawn(until)

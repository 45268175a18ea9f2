# kaa-args: --frame-fuel 20000 --max-frames 6
# A task stuck in `while True: pass` is preempted every frame; the well-behaved tasks still
# advance each frame.
from kaa import spawn, frame_count

def hog():
    n = 0
    while True:
        n += 1

counts = {}
def polite(i):
    while True:
        counts[i] = counts.get(i, 0) + 1
        yield

def reporter():
    while True:
        yield
        print("frame", frame_count(), "polite steps:", sorted(set(counts.values())), "tasks:", len(counts))

spawn(hog)
for i in range(100):
    spawn(polite, i)
spawn(reporter)

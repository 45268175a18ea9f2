# Order of resumption: tasks run in spawn order each frame; a task spawned while a frame
# runs starts later in that same frame; bare `yield` resumes next frame.
from kaa import spawn, frame_count

def worker(name, steps, child=None):
    for i in range(steps):
        print(f"frame {frame_count()}: {name} step {i}")
        if child and i == 0:
            spawn(worker, child, 1)
        yield

spawn(worker, "A", 3, child="A1")
spawn(worker, "B", 2)
spawn(worker, "C", 1)
print("module done; nothing has run yet")

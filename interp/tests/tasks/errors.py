# A failing task is reported with its traceback; the others keep running.
from kaa import spawn, wait, frame_count

def crash():
    yield wait(0.02)
    {}["missing"]

def steady():
    for i in range(4):
        print("steady", i, "frame", frame_count())
        yield wait(0.02)

spawn(crash)
spawn(steady)

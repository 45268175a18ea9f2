def work(i):
    if i == 1:
        raise ValueError(f"bad {i}")
    raise TypeError(f"worse {i}")

errors = []
for i in range(1, 4):
    try:
        work(i)
    except Exception as e:
        e.add_note(f"item {i}")
        errors.append(e)
try:
    raise ExceptionGroup("batch", errors)
except* TypeError:
    raise RuntimeError("while handling types")

# Lazy generator pipelines: reading "lines", parsing, filtering, windowing, aggregating.
from itertools import islice, groupby, accumulate

LOG = """\
10:00 INFO start
10:01 WARN disk 91%
10:01 INFO tick
10:02 ERROR lost connection
10:02 INFO retry
10:03 WARN disk 95%
10:04 ERROR lost connection
10:05 INFO stop"""

def lines(text):
    for line in text.splitlines():
        yield line

def parse(lines):
    for line in lines:
        time, level, msg = line.split(" ", 2)
        yield {"time": time, "level": level, "msg": msg}

def only(levels, records):
    return (r for r in records if r["level"] in levels)

def window(it, n):
    it = iter(it)
    buf = list(islice(it, n))
    while len(buf) == n:
        yield tuple(buf)
        buf = buf[1:] + list(islice(it, 1))

problems = list(only({"WARN", "ERROR"}, parse(lines(LOG))))
for r in problems:
    print(r["time"], r["level"].ljust(5), r["msg"])
for minute, group in groupby(parse(lines(LOG)), key=lambda r: r["time"]):
    print(minute, [r["level"] for r in group])
print(list(window(range(6), 3)))
print(list(accumulate(len(r["msg"]) for r in parse(lines(LOG)))))
gen = parse(lines(LOG))
print(next(gen)["msg"], next(gen)["level"], sum(1 for _ in gen))

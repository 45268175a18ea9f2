import math
def length(v): return math.sqrt(sum(c * c for c in v))
def normalize(v):
    l = length(v)
    return tuple(round(c / l, 4) for c in v)
print(length((3, 4)), normalize((3, 4)), normalize((1, 1, 1)))

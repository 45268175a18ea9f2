import math
match 5:
    case math.pi():
        pass

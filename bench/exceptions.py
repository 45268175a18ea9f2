# Exceptions raised and caught in a loop: builtin and custom classes, finally, re-raise.
class GameError(Exception):
    pass


class OutOfAmmo(GameError):
    def __init__(self, shots):
        super().__init__(f"out of ammo after {shots}")
        self.shots = shots


def parse(s):
    try:
        return int(s)
    except ValueError:
        return -1


def fire(i):
    if i % 5 == 0:
        raise OutOfAmmo(i)
    if i % 7 == 0:
        raise KeyError(i)
    return i


total = 0
for i in range(1200000):
    try:
        total += fire(i)
    except OutOfAmmo as e:
        total += e.shots % 3
    except KeyError:
        total += 1
    finally:
        total += 1
bad = 0
for i in range(500000):
    bad += parse("x" if i % 3 == 0 else str(i))
nested = 0
for i in range(150000):
    try:
        try:
            raise GameError(i)
        except GameError:
            nested += 1
            raise
    except Exception as e:
        nested += len(e.args)
d = {}
misses = 0
for i in range(300000):
    try:
        d[i % 100] += 1
    except KeyError:
        d[i % 100] = 1
        misses += 1
print(total, bad, nested, misses)

# An error raised inside a loop of simple instructions: the traceback points at the
# instruction, as for any other loop.
def total(xs):
    i = 0
    s = 0
    while True:
        s = s + xs[i] * 2
        i += 1


print(total([1, 2, 3]))

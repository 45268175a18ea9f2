# Method calls on builtin values through one call site: several types, bound methods taken
# as values, and methods of classes patched in between (for user subclasses).
def idx(x, v):
    return x.index(v)


print([idx(c, 2) for c in ([1, 2], (2, 3), [0, 0, 2])], idx("abc", "c"), idx(b"ab", 98))


def grow(xs, v):
    xs.append(v)
    return xs


print(grow([], 1), grow([1], 2), grow(bytearray(b"a"), 98))
try:
    grow((1,), 2)
except AttributeError as e:
    print("AttributeError:", e)


class MyList(list):
    def append(self, v):
        super().append(v * 10)


print(grow(MyList(), 3), grow([], 3))
m = [1].append
print(m(2), (5).bit_length(), True.bit_length(), 2.5.is_integer(), "a b".split())
for v in (1, True, 2.0, "s", None):
    try:
        print(v.conjugate())
    except AttributeError as e:
        print("AttributeError:", e)

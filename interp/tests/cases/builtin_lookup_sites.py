# Builtins read at a warmed-up site notice globals that shadow them, their removal, and
# replacement of the builtin itself.
import builtins


def size(x):
    return len(x)


print([size("ab") for _ in range(3)])
len = lambda x: "shadowed"
print(size("ab"))
del len
print(size("abc"))
real = builtins.len
builtins.len = lambda x: "replaced builtin"
print(size("abcd"))
builtins.len = real
print(size("abcde"))
garbage = [[i] for i in range(100000)]
del garbage
print(size([1]), abs(-3), max(1, 5), min(2, 0))
globals()["abs"] = lambda x: "global abs"
print(abs(-3))
del globals()["abs"]
print(abs(-4))
try:
    del builtins.min
    min(1, 2)
except NameError as e:
    print("NameError:", e)

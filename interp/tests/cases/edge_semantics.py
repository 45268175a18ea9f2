print(b'%d-%s' % (5, b'x'))
class A:
    @classmethod
    def make(cls):
        return super().__repr__ is not None
    def meth(self):
        def inner():
            return super(A, self).__str__()
        return inner()[:5]
print(A.make(), A().meth())
class Base:
    def greet(self): return "base"
class Kid(Base):
    def greet(self):
        f = lambda s=self: super(Kid, s).greet()
        return "kid+" + f()
print(Kid().greet())
x = 10
def f():
    x = 20
    class C:
        y = x
    return C.y
print(f())
def g():
    try:
        return "try"
    finally:
        print("fin")
print(g())
def h():
    for i in range(3):
        try:
            if i == 1:
                return i
        finally:
            print("f", i)
print(h())
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
for v in gen():
    print(v)
print("after loop")
print(float('nan') != float('nan'), float('inf') > 10**400, -float('inf') < -10**400, 10**400 < float('inf'))
print(1e308 * 10, -1e-320, 5e-324 / 2, 2.5e-310)
print(int(1e300) % 1000, int(-2.5), int(2.99), round(2.5), round(3.5), round(-3.5), round(0.1 + 0.2, 1))
print(divmod(-7.5, 2), divmod(7, -2.0), 7.0 // 0.5, -0.0 == 0.0, str(-0.0))
print(0.1 + 0.7, 1.1 * 3, 3.3 / 1.1, 2 ** 0.5 * 2 ** 0.5, 10 / 3)
print(repr(1.0e-7), repr(123456789012345678.0), repr(1.5e16), 1e15 + 0.3)
print("%.2f %5.1f %-8.3e %g %G" % (1.005, 2.25, 12345.678, 1e-5, 1.5e20))
print("%s %r %a" % ("é", "é", "é"), "%c%c" % ("a", 98), "%5s|%-5s|%.1s" % ("ab", "cd", "xyz"))
print("{0!r:>8} {1:^7.2f} {2:+08.3f} {3:x}".format("a", 3.14159, -2.5, 255))
print("{:,}".format(-1234567.891), "{:.3%}".format(0.12345), "{:e}".format(0.0), "{:g}".format(1e16))
print(str(12345678901234567890.0), 1e21, 1e-4, 0.0001234, 123.456e5)
d = {"a": 1}
print("%(a)s %(a)r" % d, "{a}".format_map(d), "{0[a]}".format(d))
print(sorted([3, 1, 2], reverse=True), sorted("cba", key=lambda c: c), list(reversed(sorted([1, 3, 2]))))
print([i for i in range(3)] + [i * 2 for i in range(3)], [[]] * 2, [[1]] * 2)
s = "hello"
print(s.center(11, "*"), s.ljust(3), s[1:-1].upper(), s.index("l", 3), "%s" % [1, 2], "%s" % ((1, 2),))
print(type(1 / 1), type(1 // 1), type(2 ** -1), type(True + 0), type(1 + 1.0), type(divmod(1, 2)))
print(10 ** -1, 2 ** 0.5, (-8) ** (1 / 3) if False else 0, pow(-2, 3), pow(2.5, 2), (-2) ** 2)
print(abs(-7.25), abs(3 + 0) , max(1, 2.5), min(-1.0, -1), max([1, 1.0]), min([1.0, 1]))
print(int("  42\n"), float(" 1.5 "), int("-0"), float("-0"), float("1e-3"), float(".5"), float("5."))
print(bool("False"), bool(0.0), bool(-0.0), bool(float("nan")), not [0])
print(chr(0x1F600), len(chr(0x1F600)), ord("😀"), "😀".encode("utf-8"), repr("😀"), ascii("😀"))

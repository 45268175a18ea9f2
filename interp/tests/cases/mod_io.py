# io.StringIO / BytesIO: print(file=...), seek/tell/readline, iteration, context managers.
import io
s = io.StringIO()
print("hello", "world", file=s)
print("x", 1, sep="-", end="!\n", file=s)
s.write("more\n")
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.readline()), repr(s.read(3)), s.readlines())
with io.StringIO("a\nb\nc") as f:
    print([line.rstrip() for line in f], f.closed)
print(f.closed)
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
b = io.BytesIO(b"xyz")
b.seek(0, 2)
b.write(b"!")
b.seek(1)
print(b.getvalue(), b.read(2), b.tell())
t = io.StringIO("0123456789")
t.seek(4)
t.truncate()
print(repr(t.getvalue()))
try:
    io.StringIO().write(5)
except TypeError as e:
    print("TypeError:", e)

# Strings grown by += share a buffer internally: every older value must keep its own text.
base = "abcdefghij" * 4
a = base + "-A"
b = a + "-B"
c = a + "-C"          # a is no longer the longest value of its buffer
d = b + "-D"
print(a)
print(b)
print(c)
print(d)
print(len(a), len(b), len(c), len(d))

s = ""
history = []
for i in range(200):
    s += chr(97 + i % 26)
    if i % 50 == 49:
        history.append(s)
print([len(h) for h in history], history[0][-5:], history[-1][:5])
print(all(history[-1].startswith(h) for h in history))

t = "x" * 31
t += t
t += t[3:9]
print(t, len(t))

u = "héllo wörld, " * 3
v = u
u += "ünïcode ✓"
v += "other"
print(u, len(u), u[-1], u[39])
print(v, len(v))

keys = {}
k = "key-" * 10
for i in range(5):
    k += str(i)
    keys[k] = i
print(sorted(keys.values()), k in keys, ("key-" * 10 + "01234") in keys)
print(hash(k) == hash("key-" * 10 + "01234"))

parts = ["p"] * 3
w = "start:" * 6
for p in parts:
    w = w + p + ","
print(w, w.count("p"), w.upper()[-6:], w[::-1][:4])
x = w
x += "!"
print(x == w + "!", x > w, w < x)

# Strings: building, slicing, formatting, split/join, methods.
parts = []
for i in range(350000):
    parts.append(f"item{i:05d}:{i * 7 % 1000:>4}|{i / 3:.2f}")
text = ";".join(parts)
fields = text.split(";")
total = 0
for f in fields:
    name, rest = f.split(":")
    num, frac = rest.split("|")
    total += int(num) + len(name[4:]) + int(float(frac))
words = []
for i in range(220000):
    s = "Hello, World %d" % i
    s = s.upper().replace("WORLD", "kaa").lower()
    words.append(s[::-1][:6] + s[7:10].strip())
joined = " ".join(words)
caps = joined.title().count("K")
acc = ""
for i in range(60000):
    acc += str(i % 10)
found = 0
for i in range(0, len(joined) - 10, 97):
    if "ak" in joined[i:i + 10]:
        found += 1
pieces = "{}-{}-{}".format(len(acc), acc.count("7"), acc.find("999"))
print(total, len(joined), caps, found, pieces, "%s/%r" % (words[5], words[-1]))

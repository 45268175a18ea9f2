text = "hello world"
counts = {}
for ch in text:
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print([c for c in "abc"], list(enumerate("xy")), "".join(sorted("dcba")), "-".join(reversed("abc")))
words = "the quick brown fox jumps over the lazy dog".split()
print(len(words), sorted(set(words)), max(words, key=len), [w[::-1] for w in words[:3]])
print({w: len(w) for w in words if len(w) > 4})
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() else c for c in "abc xyz")
print(caesar)
print("".join(c.upper() if i % 2 else c for i, c in enumerate("alternating")))
print(list(zip("abc", "de")), list(map(ord, "AZ")), "".join(map(chr, [72, 105])))

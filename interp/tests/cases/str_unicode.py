# Unicode strings: lengths, slicing by code point, case mapping, normalization-free comparisons.
words = ["naïve", "café", "Straße", "ǅemal", "日本語", "emoji😀", "Ωmega", "İstanbul"]
for w in words:
    print(f"{w:<10}|{len(w):>2}|{w.upper():<12}|{w.lower():<10}|{w[::-1]:<10}|{w.title()}")
print(sorted(words), max(words), min(words, key=len))
print([ord(c) for c in "é😀"], chr(0x1F600) == "😀", "😀".encode("utf-8"), "é".encode(), len("😀".encode("utf-16-le")) if False else "")
print("ß".upper(), "ß".casefold() == "ss", "ΣΑΣ".lower(), "ﬁ".upper(), "İ".lower(), len("İ".lower()))
print("日本語".find("本"), "日本語"[1:], "x".join("日本"), "abc" < "äbc", "Z" < "a", "é".isalpha(), "²".isdigit(), "٣".isdecimal())
print(repr("tab\tnew\nquote'\"back\\"), ascii("naïve 😀"), "\N{GREEK SMALL LETTER ALPHA}" if False else "α", "\u03b1" == "α")

import re
print(re.search(r"(\d+)-(\d+)", "call 555-1234 now"))
m = re.match(r"(?P<first>\w+) (?P<last>\w+)", "Jane Doe extra")
print(m.group(0), m.group(1), m.group("last"), m.groups(), m.groupdict(), m.span(2), m.start(), m.end(1), m[1], m.lastindex, m.lastgroup)
print(re.findall(r"\b\w{3}\b", "the cat sat on a mat"), re.findall(r"(\w)(\d)", "a1 b2 c3"), re.findall(r"x(y)?", "x xy"))
print(re.sub(r"\s+", " ", "a   b \t c\n d"), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@site bob@web"), re.sub(r"(?P<w>o)", r"[\g<w>]", "foo"))
print(re.subn(r"a", "b", "banana"), re.sub(r"a", "b", "banana", count=2), re.sub("", "-", "abc"), re.sub("x*", "-", "abxd"))
print(re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c3"))
print(re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"(,)", "a,b,c"), re.split(r"\W+", "Words, words, words.", 1), re.split("x*", "axbc"))
print([m.span() for m in re.finditer(r"\d+", "12 abc 345 6")])
print(re.fullmatch(r"\d+", "123"), re.fullmatch(r"\d+", "123a"), re.match("a", "ba"), re.search("^a", "ba"), re.search("a$", "ba\n"))
print(re.findall(r"^\w", "ab\ncd\nef", re.M), re.findall(r"a.c", "a\nc abc", re.S), re.findall("ABC", "abc AbC", re.I))
p = re.compile(r"""
   (\d{3})   # area
   [-.\s]?
   (\d{4})   # number
""", re.VERBOSE)
print(p.search("tel: 555.1234").groups(), p.pattern.count("\n"), p.groups, p.flags)
print(re.compile("a+", re.I | re.M), re.compile(b"x"), re.I, re.I | re.S, repr(re.NOFLAG))
print(re.escape("a.b*c?d[e]"), re.escape("hello world"), re.escape(b"1+1=2"))
print(re.search(r"(?<=\$)\d+", "cost: $42").group(), re.search(r"\d+(?= dollars)", "100 dollars").group(), re.findall(r"\b(?!un)\w+", "undo redo unto do"))
print(re.search(r"(a)(b)?", "a").groups(), re.search(r"(a)(b)?", "a").groups("-"), re.search(r"(a)|b", "b").group(1))
print(re.match(r"(\w+) \1", "hello hello").group(), re.match(r"(?P<x>a)(?P=x)", "aa").group())
print(re.findall(r"[^aeiou\s]+", "hello world"), re.findall(r"[\w.-]+@[\w.-]+", "mail a.b@c.d and x-y@z.org"))
print(re.sub(r"(?i)HELLO", "bye", "Hello hello HELLO"), re.findall(r"\d+\.?\d*", "3.14 and 42 and 7."))
print(re.match(r"a{2,}", "aaaa").group(), re.match(r"a{,2}", "aaaa").group(), re.match(r"a{2}", "aaaa").group(), re.match("a{", "a{").group())
print(re.search(r"(\d+)(?:px|em)", "width: 12em").group(1), re.match(r"(?:ab)+", "ababx").group())
print(re.findall(r"<.*?>", "<a><b></b>"), re.findall(r"<.*>", "<a><b></b>"), re.match(r"(a|ab)(c|bcd)(d*)", "abcd").groups())
for bad in ["(a", "a)", "*a", "a**", "[a", r"\q", "(?P<1>a)", r"(?P=nope)", "a{3,1}", "(?<=a+)b", r"\1(a)", "(?z)"]:
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), "->", e, "|", e.msg, e.pos)
try:
    re.sub("a", r"\9", "a")
except re.error as e:
    print(e)
print(re.search("\u00e9", "caf\u00e9"), re.findall(r"\w+", "naïve café"), re.findall(r"\w+", "naïve café", re.A))
print(re.search(rb"\d+", b"abc 123").group(), re.sub(rb"a", b"b", b"aaa"))
try:
    re.search("a", b"a")
except TypeError as e:
    print(e)
print(type(re.compile("x")), type(re.match("x", "x")), re.compile("x") == re.compile("x"))
m = re.search(r"(?P<year>\d{4})-(?P<mon>\d\d)", "on 2024-05-01")
print(m.expand(r"\g<mon>/\g<year>"), m.regs, m.pos, m.endpos, m.string, m.re.pattern)
print(re.compile(r"\d").findall("a1b22c333", 2, 6), re.compile("o").search("foo", 2).span())

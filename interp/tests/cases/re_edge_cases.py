import re
print(re.sub("x*", "-", "abxd"), re.sub(r"\b", "|", "ab cd"), re.split(r"\b", "ab cd"), re.findall(r"\w*", "ab cd"))
print(re.sub("(?=a)", "^", "banana"), re.split("(?=a)", "banana"), re.subn("$", "!", "a\nb\n"), re.findall("$", "a\n", re.M))
print(re.match(r"((a)b)", "ab").lastindex, re.match(r"(a)(b)", "ab").lastindex, re.match(r"(a)|(b)", "b").lastindex, re.match(r"((a))", "a").lastindex)
print(re.match(r"(a)?(?(1)b|c)", "ab").group(), re.match(r"(a)?(?(1)b|c)", "c").group(), re.match(r"(?P<q>')?\w+(?(q)')", "'hi'").group())
print(re.match(r"(?>a+)b", "aaab"), re.match(r"a*+a", "aaa"), re.match(r"(?:a|ab)++c", "abc"))
print(re.findall(r"(?i)straße", "STRASSE Straße straße"), re.findall(r"(?i)[a-z]+", "Hello WORLD"), re.search(r"(?i)é", "É"))
print(re.findall(r"\bword\b", "word words sword word."), re.findall(r"\Bor\B", "word for orange"))
print(re.findall(r"\d", "١٢٣ 45"), re.findall(r"\d", "١٢٣ 45", re.ASCII), re.findall(r"\s", "a\u00a0b\u2003c"))
print(re.match(r"(?s:.)(.)", "\n\n"), re.match(r"(?-i:a)b", "aB", re.I), re.match("(?i)a(?-i:b)", "Ab"))
print(re.sub(r"(\d)(?=(\d{3})+$)", r"\1,", "1234567"), re.sub(r"^\s+|\s+$", "", "  trim me  "))
print(re.findall(r"'[^']*'|\"[^\"]*\"", """say 'hi' and "bye" """), re.split(r"\s*([+\-*/])\s*", "1 + 2*3 - 4"))
print(re.match(r"[\]\-a]+", "]-a-]x").group(), re.match(r"[]a]+", "]a]").group(), re.match(r"[^]]+", "ab]").group(), re.findall(r"[\d\s]", "1 2"))
print(re.findall(r"\x41\u0042\101", "ABA"), re.match(r"\t\n", "\t\n"), re.findall(r"[\x00-\x1f]", "a\x01b\x1f"))
text = "a" * 100000 + "b"
print(len(re.findall("a", text)), re.search("a*b", text).end(), len(re.sub("a", "", text)))
print(re.search(r"(\w+)\s+\1", "this is is a test").group(1), re.search(r"(?i)(\w+) \1", "Hey HEY").group())
m = re.search(r"(a)(b)?(c)", "ac")
print(m.span(2), m.start(2), m.group(2), m.groups(), m.regs)
print(re.sub(r"a|(b)", r"[\1]", "ab"), re.sub("a", r"\n", "a"), repr(re.sub("a", "\\\\", "a")), re.sub("a", r"\&", "a"))
try:
    re.compile("(?i)a(?m)b")
except re.error as e:
    print(e)
print(re.compile("(?i)ab").flags & re.I != 0, re.compile("a(?i:b)").flags)
print(re.match("a|", "b"), re.match("|a", "a").span(), re.findall("a|", "bab"))
try:
    re.match("(a+)+$", "a" * 18 + "b")
    print("finished")
except RuntimeError as e:
    print("stopped")

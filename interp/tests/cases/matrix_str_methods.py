samples = ["", "a", "Hello World", "  padded  ", "a,b,,c", "ÀÉÎ õü", "tab\there", "line1\nline2\r\n", "12345", "MiXeD 123"]
calls = [
    ("split", ()), ("split", (",",)), ("split", (None, 1)), ("rsplit", (" ", 1)), ("splitlines", ()),
    ("splitlines", (True,)), ("strip", ()), ("strip", ("a ",)), ("partition", (" ",)), ("rpartition", ("l",)),
    ("find", ("l",)), ("rfind", ("l",)), ("count", ("l",)), ("replace", ("l", "L")), ("upper", ()),
    ("lower", ()), ("title", ()), ("capitalize", ()), ("swapcase", ()), ("casefold", ()), ("center", (15, "~")),
    ("ljust", (12,)), ("rjust", (12, ".")), ("zfill", (8,)), ("expandtabs", (4,)), ("isalpha", ()),
    ("isdigit", ()), ("isalnum", ()), ("isspace", ()), ("istitle", ()), ("isupper", ()), ("islower", ()),
    ("startswith", ("He",)), ("endswith", ("\n",)), ("encode", ()), ("removeprefix", ("  ",)), ("isprintable", ()),
]
for s in samples:
    out = []
    for name, args in calls:
        try:
            out.append(getattr(s, name)(*args))
        except Exception as e:
            out.append(type(e).__name__)
    print(repr(s), out)

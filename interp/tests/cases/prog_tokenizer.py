# A regex-driven lexer with named groups, line tracking and error reporting.
import re

SPEC = [
    ("NUMBER", r"\d+(?:\.\d*)?"),
    ("ID", r"[A-Za-z_]\w*"),
    ("OP", r"[+\-*/=<>!]=?|[(){},;]"),
    ("STRING", r'"(?:\\.|[^"\\])*"'),
    ("NEWLINE", r"\n"),
    ("SKIP", r"[ \t]+"),
    ("MISMATCH", r"."),
]
MASTER = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in SPEC))
KEYWORDS = {"if", "else", "while", "return", "let"}

def lex(code):
    line, line_start = 1, 0
    for m in MASTER.finditer(code):
        kind, value = m.lastgroup, m.group()
        col = m.start() - line_start
        if kind == "NEWLINE":
            line, line_start = line + 1, m.end()
            continue
        if kind == "SKIP":
            continue
        if kind == "MISMATCH":
            raise SyntaxError(f"unexpected {value!r} at {line}:{col}")
        if kind == "ID" and value in KEYWORDS:
            kind = value.upper()
        yield kind, value, line, col

src = '''let total = 0;
while (total < 10) {
    total = total + 2.5;
}
print("done: \\"ok\\"", total);'''
for tok in lex(src):
    print(*tok)
try:
    list(lex("let x = 3 @ 4;"))
except SyntaxError as e:
    print("SyntaxError:", e)

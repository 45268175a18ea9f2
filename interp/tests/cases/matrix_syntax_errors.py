sources = [
    "x = = 1", "x = (1 +", "if True\n    pass", "def f(:\n    pass", "for x in y\n    pass", "while x\n    pass",
    "class C\n    pass", "x = [1, 2", "x = {1: 2", "print('x'", "x = 1 +* 2", "1 = x", "f() = 3", "x + 1 = 2",
    "del f()", "del 1", "a, b += 1", "(a, b) += 1", "[a] = 1 2", "x = 1 2", "def f(a, a): pass", "def f(a=1, b): pass",
    "def f(*): pass", "def f(**k, a): pass", "return 5", "break", "continue", "yield 1", "await x",
    "x = 'unterminated", "x = '''never", "x = )", "x = ]", "(]", "def f():\nreturn 1", "  x = 1",
    "if x:\n    a = 1\n  b = 2", "x = 5 if True", "lambda x: yield", "f(**a, *b)", "f(a=1, b)", "f(x for x in y, 1)",
    "import", "from x import", "from . import (a, b", "x := 5", "def f(): nonlocal y", "nonlocal x",
    "try:\n    pass", "try:\n    pass\nelse:\n    pass", "else: pass", "@dec\nx = 1", "x = 1 if 2 else", "a.1",
    "0777", "1__0", "0x", "1e", "12e", "1.5e", "1E+", "3j5", "1.2.3", "12abc", "1_a", "0b2", "0o8", "0x_", "1_000_", "x = $", "x = `1`", "print 'hi'", "exec 'code'", "f(a for a in b for)",
    "global x\nx = 1\ndef g():\n    x = 2\n    global x", "def f(x):\n    global x", "class A(metaclass=):\n pass",
    "with open(x) as :\n pass", "assert", "raise from e", "x = [i for i in]", "{**}", "a[]", "x = 1; ; y = 2",
]
for src in sources:
    try:
        compile(src, "snippet.py", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, repr(e.msg), e.lineno, e.offset)

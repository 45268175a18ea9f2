class MySyntax(SyntaxError):
    pass

e = MySyntax("custom", ("dir/x.py", 9, 2, "abc\n"))
print(str(e), e.end_lineno, e.end_offset, e.args)
print(str(SyntaxError()), repr(SyntaxError()))
print(str(IndentationError("unexpected indent", ("m.py", 2, 4, "  x\n", 2, 5))))
try:
    exec("def f(:\n  pass")
except SyntaxError as e:
    print(type(e).__name__, e)
try:
    compile('x = = 1', 'f.py', 'exec')
except SyntaxError as e:
    print(str(e)); print(repr(e)); print(e.msg, e.lineno, e.offset, e.filename, repr(e.text), e.end_lineno, e.end_offset)
    print(e.args)
e = SyntaxError("bad thing")
print(str(e), repr(e), e.msg, e.lineno)
e = SyntaxError("bad", ("a.py", 3, 1, "t", 3, 2))
print(str(e), e.filename)
e = SyntaxError("bad", (None, 3, 1, "t", 3, 2))
print(str(e))
e = SyntaxError("bad", ("a.py", None, 1, "t", 3, 2))
print(str(e))

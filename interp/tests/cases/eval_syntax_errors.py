for s in ['  x y', '\tx y', '  1 +', '\n1', '1\n\n', '1\n2', '(1,\n2', 'x = 1', 'yield 1', '*a, b', 'a, *b', '1 +', '(1, 2', 'x y', '1 + * 2', '[1, 2', 'lambda: ', 'a[', '1 +\n', '1, 2', 'a if b else', '  a + b ', '1,']:
    try:
        print(repr(s), repr(eval(s, {'a': 1, 'b': 2})))
    except SyntaxError as e:
        print(repr(s), e.msg, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)

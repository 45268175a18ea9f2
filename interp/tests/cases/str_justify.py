for w in ['a', 'abc', 'abcdef']:
    print(repr(w.ljust(5)), repr(w.rjust(5, '*')), repr(w.center(5)), repr(w.center(6, '-')), repr(w.zfill(5)))

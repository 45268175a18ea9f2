s = ' a  b c '
print(s.split(), s.split(' '), s.split(None, 1), s.rsplit(None, 1), s.split('b'), 'a,b'.split(',', 0), 'x'.split('x'))

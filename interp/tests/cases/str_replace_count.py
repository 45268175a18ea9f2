s = 'aaa'
print(s.replace('a', 'b'), s.replace('a', 'b', 1), s.replace('a', 'b', 0), s.replace('', '-'), s.replace('aa', 'x'), s.count('a'), s.count('aa'))

s = 'abracadabra'
print(s.find('a'), s.find('a', 1), s.find('a', -3), s.rfind('a'), s.rfind('a', 0, 5), s.find('zz'), s.index('c'), s.rindex('b'))

print('  x  '.strip(), '..x..'.strip('.'), 'abcxcba'.strip('ab'), '\t\nx\r'.strip(), 'x'.strip('x'), ''.strip())

print('a\tb', 'line1\nline2', 'back\\slash', 'quote\'s', "dq\"s", '\x41\u00e9\U0001F600', len('\n'), repr('\r\n'))

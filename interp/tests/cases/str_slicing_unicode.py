s = 'héllo wörld'
print(s[1], s[-4:], s[::2], len(s), s.upper(), s.find('ö'), s.encode('utf-8'), list(s[:3]))

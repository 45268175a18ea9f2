print('héllo wörld'.encode('ascii', 'ignore'))
print('héllo wörld'.encode('ascii', errors='replace'))
print('héllo €'.encode(encoding='latin-1', errors='backslashreplace'))
print('héllo €'.encode('ascii', 'xmlcharrefreplace'))
print('ß'.title(), 'ǆemal'.title(), 'ﬁsh'.capitalize(), 'Straße'.casefold())
print(''.find('', 2), 'abc'.startswith('', 3), 'abc'.startswith('', 4), 'abc'.count('', 5))
try:
    'a€'.encode('ascii')
except UnicodeEncodeError as e:
    print(e)
for f in [lambda: 'a'.lower(1), lambda: 'a'.upper(x=1), lambda: 'a'.split(x=1), lambda: 'a'.isdigit(2), lambda: 'a\tb'.expandtabs(tabsize=4), lambda: 'a'.split(sep='a'), lambda: 'a'.find('a', x=1)]:
    try:
        print(f())
    except TypeError as e:
        print(e)
print('ǅ'.isupper(), 'ǅ'.istitle(), 'ǅ'.title(), 'ǆa ǉb'.title(), '中a'.title(), 'ﬀ'.upper(), 'ﬀ'.title())
print('ΣΑΣ'.casefold(), 'İ'.casefold(), 'ﬃ'.casefold(), 'ᾳ'.title(), 'ᾳ'.upper())
print((1.0).hex(), (0.1).hex(), (5e-324).hex(), (-2.5).hex(), float.fromhex((0.1).hex()) == 0.1)
s = {1, 2, 3}
print(s ^ {1, 99}, {1, 99} ^ s, frozenset(s) ^ {7}, s.symmetric_difference([3, 4]))
s ^= {2, 50}
print(s)

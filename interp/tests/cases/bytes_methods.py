ba = bytearray(b'hello world')
ba += b'!'
print(ba, ba + b'?', b'x' + ba, ba * 2, 2 * ba)
x = ba
x *= 2
print(x is ba, len(ba))
ba[0:5] = b'HELLO'
print(ba)
ba[0:5] = [72, 73]
print(ba)
del ba[0]
del ba[::2]
print(ba)
ba[::2] = b'x' * len(ba[::2])
print(ba)
l = list(range(20)); del l[::3]; print(l)
l = list(range(20)); del l[15:2:-4]; print(l)
l = list(range(10)); del l[2:7]; print(l)
b = b'  Hello World  '
print(b.split(), b.rsplit(None, 1), b.strip().split(b' ', 1), b.lstrip(), b.rstrip(b' d'))
print(b'a\nb\r\nc\rd'.splitlines(), b'a\nb\r\n'.splitlines(True))
print(b'abc'.center(9, b'*'), b'abc'.ljust(6), b'abc'.rjust(6, b'0'), b'-12'.zfill(6))
print(b'hello'.title(), b'Hello World'.swapcase(), b'hELLO'.capitalize(), b'Hello'.istitle())
print(b'abc'.partition(b'b'), b'abc'.rpartition(b'x'), b'a\tb'.expandtabs(4))
print(b'hello'.translate(bytes.maketrans(b'el', b'ip')), b'hello'.translate(None, b'l'))
print(b'abc'.index(98), b'abcb'.rfind(b'b'), b'abcabc'.count(b'bc', 2), b'xyz'.startswith((b'a', b'x')))
print(b'\x01\x02\xff'.hex(), b'\x01\x02\xff\x10'.hex(':'), b'\x01\x02\xff\x10'.hex('-', 2), bytes.fromhex('0a 0b'), bytearray.fromhex('ff'))
print(b'caf\xc3\xa9'.decode(), b'\xff\xfe'.decode('utf-8', 'replace'), b'\xe4\xb8'.decode('utf-8', 'ignore'), b'abc\x80'.decode('ascii', 'backslashreplace'))
for bad in [b'\xff', b'\xe4\xb8\x41', b'\xe4\xb8', b'a\xe4', b'\xed\xa0\x80', b'\x80abc']:
    try:
        bad.decode()
    except UnicodeDecodeError as e:
        print(e)
try:
    b'\x80'.decode('ascii')
except UnicodeDecodeError as e:
    print(e)
print(str(b'caf\xc3\xa9', 'utf-8'), str(b'x\xff', 'latin-1'), str(b'ab', encoding='ascii'))
ba = bytearray(b'abc'); ba.insert(1, 120); ba.append(33); print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(120); ba.reverse(); print(ba, ba.copy(), bytearray(b'q').isalpha())
ba.clear(); print(ba, len(ba))
print(b'abc'.replace(b'', b'-'), b'aaa'.replace(b'a', b'b', 2), b'abc'.removeprefix(b'a'), b'abc'.removesuffix(b'c'))
print(b'a,b,,c'.split(b','), b'a,b,,c'.rsplit(b',', 2), b'one two three'.split(maxsplit=1))
try: b'abc'.find('b')
except TypeError as e: print(e)
try: b'abc'.startswith('a')
except TypeError as e: print(e)
try: b'-'.join([b'a', 'b'])
except TypeError as e: print(e)
print(bytearray(b'abc') == b'abc', b'abc' < b'abd', b'b' in b'abc', 98 in b'abc', list(b'hi'))

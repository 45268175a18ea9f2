for c in 'aZ09 ~':
    print(repr(c), ord(c), chr(ord(c) + 1))
print(chr(0x263a), ord('\u263a'))

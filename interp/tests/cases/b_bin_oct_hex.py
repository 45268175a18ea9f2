for v in [0, 1, -1, 255, -256, 2**40]:
    print(bin(v), oct(v), hex(v))

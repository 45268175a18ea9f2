def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
for v in [0, 1, -7, 255, 2**70, True]:
    t(f"{v!r}.bit_length()", lambda: v.bit_length())
    t(f"{v!r}.bit_count()", lambda: v.bit_count())
    t(f"{v!r}.to_bytes(16, 'big', signed=True)", lambda: v.to_bytes(16, 'big', signed=True))
    t(f"{v!r}.as_integer_ratio()", lambda: v.as_integer_ratio())
    t(f"{v!r}.conjugate()", lambda: v.conjugate())
for v in [0.0, 1.5, -2.25, 1e300, float('inf'), float('nan'), 0.1]:
    t(f"{v!r}.is_integer()", lambda: v.is_integer())
    t(f"{v!r}.as_integer_ratio()", lambda: v.as_integer_ratio())
    t(f"{v!r}.hex()", lambda: v.hex())
    t(f"{v!r}.conjugate()", lambda: v.conjugate())
t("float.fromhex('0x1.8p1')", lambda: float.fromhex('0x1.8p1'))
t("int.from_bytes(b'\\x00\\x10', 'little')", lambda: int.from_bytes(b'\x00\x10', 'little'))

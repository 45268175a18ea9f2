b = b"hello world"
print(b, len(b), b[0], b[-1], b[:5], b.upper(), b.split(), b.replace(b"o", b"0"), b.find(b"wor"))
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), b"abc" + b"def", b"ab" * 2, b"a" in b"abc", 97 in b"abc")
print(list(b"hi"), b"x".hex(), bytes.fromhex("6869"), b"\x00\xff", repr(b"'"), b"a\nb")
ba = bytearray(b"abc"); ba.append(100); ba[0] = 65; print(ba, len(ba), bytes(ba))
print("héllo".encode(), "abc".encode("ascii"), b"caf\xc3\xa9".decode(), str(b"x", "utf-8"))
print(b"a,b".split(b","), b"-".join([b"a", b"b"]), b"  x ".strip(), b"abc".startswith(b"ab"))
print(b"abc" == b"abc", b"abc" < b"abd", hash(b"ab") == hash(b"ab"), sorted([b"b", b"a"]))

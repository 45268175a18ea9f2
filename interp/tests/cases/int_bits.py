# Integer bit manipulation, big ints, bases and flags.
FLAGS = {"read": 1, "write": 2, "exec": 4}
perm = FLAGS["read"] | FLAGS["exec"]
print([name for name, bit in FLAGS.items() if perm & bit], bin(perm), perm ^ 7, ~perm & 7)
print((1 << 100) - 1, ((1 << 100) - 1).bit_length(), (1 << 100) >> 99, -1 >> 10, -256 >> 4, 5 << 0)
print(int("777", 8), int("-ff", 16), int("0b1011", 0), hex(-255), oct(64), bin(-5), f"{255:08b}")
print(2**64 % 1000007, pow(7, 2**20, 10**9 + 7), (-7) // 2, (-7) % 2, 7 // -2, divmod(-10**20, 3))
print(sum(1 for i in range(1000) if bin(i).count("1") == 3), (0xDEADBEEF).to_bytes(4, "little").hex())
x = 0
for i in range(0, 64, 8):
    x |= (i // 8) << i
print(hex(x), x.bit_count(), int.from_bytes(x.to_bytes(8, "big"), "big") == x)
print(abs(-2**80), -(2**63), 2**63 - 1 + 1, (2**63) * -1, 10**30 // 7, 10**30 % 7, int(1e20), int(-2.5e18))

x = [1]
x += [2]
x *= 2
print(x)
s = 'a'
s += 'b'
s *= 3
print(s)
n = 7
n //= 2; n **= 3; n %= 10; n <<= 3; n >>= 1; n |= 1; n &= 13; n ^= 4
print(n)

# Integer loops: a sieve, Collatz lengths, and digit sums with // and %.
def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    count = 0
    for f in flags:
        if f:
            count += 1
    return count


def collatz_max(limit):
    best = 0
    best_n = 0
    for n in range(1, limit):
        x = n
        steps = 0
        while x != 1:
            if x & 1:
                x = 3 * x + 1
            else:
                x >>= 1
            steps += 1
        if steps > best:
            best = steps
            best_n = n
    return best_n * 1000 + best


def digit_sums(limit):
    s = 0
    for n in range(limit):
        while n:
            s += n % 10
            n //= 10
    return s


print(sieve(1500000) + collatz_max(130000) + digit_sums(600000))

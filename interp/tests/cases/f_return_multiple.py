def mm(xs):
    return min(xs), max(xs), sum(xs) / len(xs)
lo, hi, avg = mm([3, 1, 4, 1, 5])
print(lo, hi, avg)

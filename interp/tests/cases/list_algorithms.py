# Classic list algorithms by hand: merge sort, quick sort, binary search, rotations, dedupe.
def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    a, b = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out = []
    while a and b:
        out.append((a if a[0] <= b[0] else b).pop(0))
    return out + a + b

def quick_sort(xs):
    if len(xs) <= 1:
        return xs
    p, *rest = xs
    return quick_sort([x for x in rest if x < p]) + [p] + quick_sort([x for x in rest if x >= p])

def bsearch(xs, target):
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        lo, hi = (mid + 1, hi) if xs[mid] < target else (lo, mid - 1)
    return -lo - 1

data = [38, 27, 43, 3, 9, 82, 10, 3]
print(merge_sort(data), quick_sort(data), sorted(data) == merge_sort(data))
s = sorted(data)
print([bsearch(s, t) for t in (3, 43, 50, 0)])
k = 3
print(data[k:] + data[:k], data[-k:] + data[:-k], list(dict.fromkeys(data)))
print([data[i:i + 3] for i in range(0, len(data), 3)], list(zip(*[iter(data)] * 2)))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*matrix)], [x for row in matrix for x in row], sum(matrix, []))

import bisect
a = [1, 3, 3, 5, 8]
print(bisect.bisect(a, 3), bisect.bisect_left(a, 3), bisect.bisect_right(a, 4), bisect.bisect_left(a, 0), bisect.bisect(a, 99))
bisect.insort(a, 4)
bisect.insort_left(a, 3)
print(a)
grades = [60, 70, 80, 90]
print([('FDCBA'[bisect.bisect(grades, s)]) for s in [33, 65, 77, 89, 95, 100]])

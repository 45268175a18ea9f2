# bisect for sorted leaderboards and grade bands; heapq for top-k and merging.
import bisect, heapq
scores = []
for name, pts in [("ann", 50), ("bob", 75), ("cid", 60), ("dee", 75), ("eve", 90)]:
    bisect.insort(scores, (pts, name))
print(scores, bisect.bisect_left(scores, (75, "")), bisect.bisect_right(scores, (75, "zzz")))
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
print(heapq.nlargest(3, [5, 1, 8, 3, 9, 2]), heapq.nsmallest(2, ["pear", "fig", "apple"], key=len))
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [0])), list(heapq.merge(["b", "d"], ["a", "c"], reverse=False)))
h = []
for task in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
    heapq.heappush(h, task)
print([heapq.heappop(h) for _ in range(len(h))], heapq.heappushpop([5, 7], 1), heapq.heapreplace([1, 5, 7], 9))
data = [9, 4, 7, 1, 8]
heapq.heapify(data)
print(data[0], sorted(data), bisect.bisect_left([1, 2, 2, 3], 2, lo=2))

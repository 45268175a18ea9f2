# Sets in puzzles: graph colouring, common friends, anagram groups and a two-sum.
edges = [("a", "b"), ("a", "c"), ("b", "c"), ("c", "d"), ("d", "e")]
adj = {}
for x, y in edges:
    adj.setdefault(x, set()).add(y)
    adj.setdefault(y, set()).add(x)
colour = {}
for node in sorted(adj, key=lambda n: (-len(adj[n]), n)):
    used = {colour[n] for n in adj[node] if n in colour}
    colour[node] = min(set(range(len(adj))) - used)
print(colour, max(colour.values()) + 1)
friends = {"ann": {"bob", "cid", "dee"}, "bob": {"ann", "cid"}, "cid": {"ann", "bob", "eve"}}
print(sorted(friends["ann"] & friends["cid"]), sorted(friends["ann"] ^ friends["bob"]), sorted(set.union(*friends.values())))
words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]
groups = {}
for w in words:
    groups.setdefault(frozenset(sorted(w)), []).append(w)
print(sorted(sorted(g) for g in groups.values() if len(g) > 1))
def two_sum(nums, target):
    seen = {}
    for i, n in enumerate(nums):
        if target - n in seen:
            return seen[target - n], i
        seen[n] = i
print(two_sum([2, 7, 11, 15], 9), two_sum([3, 2, 4], 6), two_sum([1], 5))
print({1, 2, 3} <= {1, 2, 3}, {1, 2} < {1, 2}, frozenset([1]) | {2}, {x % 3 for x in range(10)}, set("hello") - set("world"))

a = [5, 2, 9, 1, 5, 6]
print(a.index(5), a.index(5, 1), a.count(5), sorted(a), a)
a.sort(key=lambda x: -x); print(a)
pairs = [(2, "b"), (1, "b"), (2, "a"), (1, "a")]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: p[0], reverse=True))
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
nums = [3, 1, 4, 1, 5, 9, 2, 6]
nums.sort(reverse=True); print(nums)
m = [[3, 4], [1, 2]]; m.sort(); print(m)
b = [1, 2, 3]; b.extend(range(3)); b.extend("ab"); print(b)
c = [0] * 3; c[0] += 5; print(c)
stack = []; stack.append(1); stack.append(2); print(stack.pop(), stack)
print([1, 2, 3][::-1] == list(reversed([1, 2, 3])), [x for x in [] if x], list(map(None.__class__, [])) if False else [])
nested = [1, [2, [3, [4]]]]; print(nested[1][1][1][0], str(nested))
print(max([[1, 2], [1, 3]]), min(["b", "ab"]), sorted([True, False, 2, -1]))

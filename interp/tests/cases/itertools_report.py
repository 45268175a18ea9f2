# itertools in a sales report: groupby, accumulate, product, combinations, chain, islice, starmap.
from itertools import groupby, accumulate, product, combinations, chain, islice, starmap, zip_longest, count, cycle, repeat, takewhile, dropwhile, permutations, compress, filterfalse, tee, pairwise
from operator import itemgetter, mul

sales = [("north", "jan", 120), ("north", "feb", 90), ("south", "jan", 200), ("south", "feb", 50), ("east", "jan", 70)]
for region, rows in groupby(sorted(sales), key=itemgetter(0)):
    rows = list(rows)
    print(region, sum(r[2] for r in rows), [r[1] for r in rows])
print(list(accumulate([r[2] for r in sales])), list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2, 3], initial=100)))
print(list(product("ab", [1, 2])), list(product([0, 1], repeat=2)))
print(list(combinations("abcd", 2)), len(list(permutations(range(4), 3))))
print(list(chain([1, 2], "ab", range(2))), list(chain.from_iterable([[1], [2, 3]])), list(islice(count(10, 5), 4)))
print(list(starmap(mul, [(2, 3), (4, 5)])), list(zip_longest("abc", [1], fillvalue="-")), list(islice(cycle("xy"), 5)), list(repeat(7, 3)))
print(list(takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 5, 1])), list(compress("abcdef", [1, 0, 1, 0, 1, 1])))
print(list(filterfalse(lambda x: x % 2, range(8))), [list(t) for t in tee([1, 2], 2)], list(pairwise("abcd")))

# operator.itemgetter/attrgetter/methodcaller and operator functions in sorting and mapping.
from operator import itemgetter, attrgetter, methodcaller, add, mul, neg, truth, contains, getitem, setitem, concat, or_, index
from collections import namedtuple
P = namedtuple("P", "name age city")
people = [P("ann", 31, "oslo"), P("bob", 25, "rome"), P("cid", 31, "kyiv")]
print(sorted(people, key=attrgetter("age", "name")))
print(list(map(itemgetter(0, 2), people)), itemgetter(1)(people).name, attrgetter("city")(people[0]))
print(list(map(methodcaller("upper"), ["a", "b"])), methodcaller("split", ",")("x,y"), methodcaller("replace", "a", "o")("banana"))
print(add(1, 2), mul("ab", 2), neg(5), truth([]), contains([1, 2], 2), getitem({"k": 1}, "k"), concat([1], [2]), or_(5, 2), index(7))
d = {}
setitem(d, "x", 9)
print(d, sorted({"b": 2, "a": 3}.items(), key=itemgetter(1)))
class O:
    class inner:
        value = 42
print(attrgetter("inner.value")(O))

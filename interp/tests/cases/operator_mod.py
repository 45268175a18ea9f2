import operator
from operator import itemgetter, attrgetter, methodcaller
print(operator.add(1, 2), operator.mul(3, 4), operator.sub(5, 1), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.neg(5), operator.not_(0), operator.eq(1, 1), operator.lt(1, 2), operator.contains([1], 1), operator.getitem("abc", 1))
print(sorted([(1, "b"), (0, "c"), (1, "a")], key=itemgetter(1)), itemgetter(0, 2)("xyz"))
class P:
    def __init__(self, n): self.name = n
print([p.name for p in sorted([P("b"), P("a")], key=attrgetter("name"))], methodcaller("upper")("hi"))
print(list(map(operator.mul, [1, 2], [3, 4])), operator.abs(-3), operator.pow(2, 5), operator.index(7))

def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))
def curry(f):
    def a(x):
        def b(y):
            return f(x, y)
        return b
    return a
print(curry(lambda x, y: x - y)(10)(3))
def counter_factory():
    counts = {}
    def count(key):
        counts[key] = counts.get(key, 0) + 1
        return counts[key]
    return count
c = counter_factory(); c("a"); c("a"); c("b"); print(c("a"), c("b"))
def make_acc(total=0):
    def add(n):
        nonlocal total
        total += n
        return total
    return add
acc = make_acc(10); acc(5); print(acc(1))
def recursive_closure(n):
    def helper(k):
        return 1 if k == 0 else k * helper(k - 1)
    return helper(n)
print(recursive_closure(10))
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(lambda v: v * 3, 4, 1), apply_n(str.upper, 1, "ok"))

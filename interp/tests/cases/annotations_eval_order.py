# Annotations are evaluated at definition time, in CPython's order; lambdas and
# comprehensions inside them get scopes of their own (a fuzzer-found compiler crash).
log = []
def note(x):
    log.append(x)
    return x
def f(a: note("a"), b: note("b") = note("default b"), *args: note("args"), k: note("k"), **kw: note("kw")) -> note("ret"):
    pass
print(log)
x: (lambda: "lambda annotation")() = 1
class C:
    y: [i * 2 for i in range(3)]
    z: {k: v for k, v in [("a", 1)]} = 5
print(__annotations__["x"], C.__annotations__, C.z)
def g(p: (lambda q: q + 1)(1)) -> [n for n in "ab"]:
    return p
print(g.__annotations__, g(3))
class A:
    pass
a = A()
a.attr: int
try:
    missing.attr: int
except NameError as e:
    print("NameError:", e)

def f():
    pass
def g():
    ...
class C: pass
print(f(), g(), C.__name__, ..., Ellipsis is ...)

class NS(dict):
    def __setitem__(self, k, v):
        print("set", k)
        super().__setitem__(k, v)
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return NS()
    def __new__(mcls, name, bases, ns, **kw):
        print("new", type(ns).__name__, sorted(k for k in ns if not k.startswith('__')))
        return super().__new__(mcls, name, bases, dict(ns))
    def __iter__(cls):
        return iter([1, 2, 3])
    def __len__(cls):
        return 3
    def __contains__(cls, x):
        return x == 2
    def __getitem__(cls, k):
        return k * 2
    def __call__(cls, *a):
        print("meta call", a)
        return super().__call__()
    def __repr__(cls):
        return "<Meta " + cls.__name__ + ">"
    def __bool__(cls):
        return False
class A(metaclass=Meta, flag=1):
    X = 1
    def f(self): pass
print(list(A), len(A), 2 in A, 5 in A, A[4], type(A(1, 2)).__name__, repr(A), bool(A), A.__class__)

class B(A):
    pass
print(type(B), list(B))

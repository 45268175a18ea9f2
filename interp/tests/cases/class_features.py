class Node:
    """A linked node."""
    instances = 0
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
        Node.instances += 1
    def __iter__(self):
        node = self
        while node is not None:
            yield node.value
            node = node.next
    def __len__(self):
        return sum(1 for _ in self)
    def __repr__(self):
        return "Node(" + ", ".join(map(repr, self)) + ")"
lst = Node(1, Node(2, Node(3)))
print(lst, len(lst), list(lst), sum(lst), 2 in lst, Node.instances, Node.__doc__)
class Stack(list):
    def push(self, x): self.append(x)
    def peek(self): return self[-1]
s = Stack(); s.push(1); s.push(2); print(s, s.peek(), len(s), isinstance(s, list), s.pop(), s)
class Default(dict):
    def __missing__(self, key): return f"<{key}>"
d = Default(a=1); print(d["a"], d["zz"], len(d), isinstance(d, dict))
class MyInt(int):
    def double(self): return self * 2
m = MyInt(21); print(m.double(), m + 1, m == 21, isinstance(m, int))
class MyStr(str):
    def shout(self): return self.upper() + "!"
print(MyStr("hi").shout(), MyStr("a") + "b", len(MyStr("abc")))
class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcs, name, bases, ns)
class Tagged(metaclass=Meta):
    pass
print(Tagged.tag, type(Tagged).__name__)
class Registry:
    subclasses = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        Registry.subclasses.append(cls.__name__)
class P1(Registry): pass
class P2(Registry): pass
print(Registry.subclasses)
class WithClassAttr:
    items = []
    def add(self, x): self.items.append(x)
a, b = WithClassAttr(), WithClassAttr(); a.add(1); b.add(2); print(WithClassAttr.items)
class Init:
    def __new__(cls, *args):
        obj = super().__new__(cls)
        obj.created = True
        return obj
    def __init__(self, v): self.v = v
i = Init(5); print(i.created, i.v)
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())
class Eq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
print(Eq(1) == Eq(1), Eq(1) != Eq(2), Eq(1) in [Eq(0), Eq(1)])
try:
    hash(Eq(1))
except TypeError as e:
    print(e)
print(type(Eq(1)).__mro__[1].__name__, Eq.__module__)

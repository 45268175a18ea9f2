class Animal:
    sound = "..."
    def __init__(self, name): self.name = name
    def speak(self): return f"{self.name} says {self.sound}"
    def kind(self): return "animal"
class Dog(Animal):
    sound = "woof"
    def kind(self): return "dog/" + super().kind()
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self): return super().speak() + f" ({self.age})"
p = Puppy("Rex", 1)
print(p.speak(), p.kind(), isinstance(p, Animal), issubclass(Puppy, Dog), issubclass(Dog, Puppy))
print([c.__name__ for c in Puppy.__mro__], Puppy.__bases__[0].__name__)
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.mro()])
class Base:
    def __init__(self): self.items = []
    def add(self, x): self.items.append(x); return self
class Derived(Base):
    def add(self, x): return super().add(x * 2)
print(Derived().add(1).add(2).items)
class X:
    def m(self): return "X.m"
class Y(X): pass
print(Y().m(), super(Y, Y()).m())
class Meta(type):
    pass
print(issubclass(bool, int), isinstance(True, int), issubclass(int, object))
class E(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise E(42)
except Exception as e:
    print(type(e).__name__, e, e.code, e.args)

# Abstract base classes: abstract methods and properties block instantiation until overridden.
from abc import ABC, abstractmethod

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @property
    @abstractmethod
    def name(self):
        ...

    def describe(self):
        return f"{self.name} with area {self.area():.2f}"

class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
    @property
    def name(self):
        return "circle"

class Half(Shape):
    def area(self):
        return 0

for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)
print(Circle(2).describe(), isinstance(Circle(1), Shape), issubclass(Circle, ABC))
print(sorted(Shape.__abstractmethods__), Circle.__abstractmethods__)

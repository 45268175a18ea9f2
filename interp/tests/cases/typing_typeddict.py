# typing.TypedDict: class and functional forms, totality, inheritance; and a metaclass whose
# __call__ is a class (bound by the descriptor protocol: called without the class).
from typing import TypedDict


class Movie(TypedDict):
    name: str
    year: int


class Partial(TypedDict, total=False):
    rating: float


class Full(Movie, Partial):
    tag: str


m = Movie(name="Blade Runner", year=1982)
print(m, type(m).__name__, isinstance(m, dict))
print(Movie.__annotations__, Movie.__total__, sorted(Movie.__required_keys__), sorted(Movie.__optional_keys__))
print(Partial.__total__, sorted(Partial.__optional_keys__), sorted(Partial.__required_keys__))
print(sorted(Full.__required_keys__), sorted(Full.__optional_keys__), list(Full.__annotations__))
P2 = TypedDict("P2", {"x": int, "y": int})
print(P2(x=1, y=2), P2.__annotations__, sorted(P2.__required_keys__))
d: Movie = {"name": "x", "year": 1}
print(d["name"], Movie.__name__, Movie.__module__)
try:
    isinstance(m, Movie)
except TypeError as e:
    print("TypeError:", e)


class Meta(type):
    __call__ = list


class L(metaclass=Meta):
    pass


print(L("ab"), type(L).__name__)

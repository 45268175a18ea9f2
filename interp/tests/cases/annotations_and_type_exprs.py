def f(a: int, b: "str" = "x", *args: float, c: list[int] | None = None, **kw: dict) -> bool:
    return True
print(f.__annotations__)
g = lambda x: x
print(g.__annotations__)
def h(): pass
print(h.__annotations__, h.__annotations__ is h.__annotations__)
h.__annotations__['x'] = 1
print(h.__annotations__)
class C:
    def m(self, x: int) -> None: ...
print(C.m.__annotations__, C().m.__annotations__)
x: int = 5
print(__annotations__)
print(int | str, (int | str).__args__)
import typing
print(typing.get_type_hints(f) if hasattr(typing, 'get_type_hints') else '')
print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], type[int], list[int](range(3)), list[int] == list[int], list[int] | None)
try: isinstance([], list[int])
except TypeError as e: print(e)
class MyList(list[int]): pass
print(MyList.__mro__, MyList([1]))

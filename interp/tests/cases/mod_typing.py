from typing import List, Dict, Optional, Tuple, Any, Callable
def f(xs: List[int], d: Dict[str, int], o: Optional[str] = None) -> Tuple[int, Any]:
    return len(xs), d.get(o)
print(f([1, 2], {'a': 1}, 'a'), f([], {}))
x: int = 5
y: List[str] = ['a']
print(x, y)
class Point:
    x: float
    y: float = 0.0
    def __init__(self, x: float) -> None:
        self.x = x
print(Point(2.5).x, Point.y)

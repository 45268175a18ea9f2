# A game inventory with dataclasses: ordering, defaults, asdict, grouping and JSON export.
from dataclasses import dataclass, field, asdict
from collections import defaultdict
import json

@dataclass(order=True)
class Item:
    sort_key: tuple = field(init=False, repr=False)
    name: str
    kind: str
    weight: float
    value: int = 0
    tags: list = field(default_factory=list)

    def __post_init__(self):
        self.sort_key = (self.kind, -self.value, self.name)

items = [Item("rope", "tool", 2.0, 5), Item("sword", "weapon", 3.5, 40, ["sharp"]),
         Item("bow", "weapon", 1.5, 35), Item("apple", "food", 0.2, 1, ["fresh"]),
         Item("torch", "tool", 1.0, 3)]
for it in sorted(items):
    print(it)
by_kind = defaultdict(list)
for it in items:
    by_kind[it.kind].append(it.name)
print(dict(by_kind))
print(sum(i.weight for i in items), max(items, key=lambda i: i.value / i.weight).name)
print(json.dumps([{k: v for k, v in asdict(i).items() if k != "sort_key"} for i in items[:2]], indent=1))

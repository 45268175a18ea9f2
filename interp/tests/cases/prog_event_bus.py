# An event bus with decorator-registered handlers, priorities, and unsubscription.
from collections import defaultdict

class EventBus:
    def __init__(self):
        self.handlers = defaultdict(list)

    def on(self, event, priority=0):
        def register(fn):
            self.handlers[event].append((priority, fn))
            self.handlers[event].sort(key=lambda p: -p[0])
            return fn
        return register

    def off(self, event, fn):
        self.handlers[event] = [(p, f) for p, f in self.handlers[event] if f is not fn]

    def emit(self, event, **data):
        results = []
        for _, fn in self.handlers[event]:
            r = fn(**data)
            if r is False:
                results.append(f"{fn.__name__} stopped")
                break
            results.append(f"{fn.__name__} -> {r}")
        return results

bus = EventBus()

@bus.on("hit", priority=10)
def shield(damage, target):
    return damage > 50 and False or f"shield absorbs {min(damage, 20)}"

@bus.on("hit")
def health(damage, target):
    return f"{target} loses {max(damage - 20, 0)} hp"

@bus.on("hit", priority=5)
def block(damage, target):
    return False if damage < 5 else "no block"

print(bus.emit("hit", damage=30, target="orc"))
print(bus.emit("hit", damage=3, target="orc"))
bus.off("hit", block)
print(bus.emit("hit", damage=3, target="elf"))
print(bus.emit("unknown"), sorted(bus.handlers))

# __getattr__ / __setattr__ / __delattr__ proxies, attribute access logging and fallbacks.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_log", [])
    def __getattr__(self, name):
        self._log.append(("get", name))
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self._log.append(("set", name))
        setattr(self._target, name, value)
    def __delattr__(self, name):
        self._log.append(("del", name))
        delattr(self._target, name)

class Target:
    def __init__(self):
        self.a = 1
    def hello(self):
        return f"hello a={self.a}"

t = Target()
p = Proxy(t)
p.a = 5
print(p.a, p.hello(), t.a)
p.b = 7
del p.a
print(hasattr(t, "a"), t.b, getattr(p, "b"))
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
print(p._log)

class Defaults:
    known = "class attribute"
    def __getattr__(self, name):
        if name.startswith("opt_"):
            return f"default for {name[4:]}"
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
d = Defaults()
d.real = "instance"
print(d.known, d.real, d.opt_speed, getattr(d, "nope", "fallback"))
try:
    d.nope
except AttributeError as e:
    print("AttributeError:", e)

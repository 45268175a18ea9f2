"""A helper module for the import tests."""
loaded = []
loaded.append("helper")

def double(x):
    return x * 2

class Thing:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Thing({self.name!r})"

_private = "hidden"
CONST = 10

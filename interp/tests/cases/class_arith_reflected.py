class M:
    def __init__(self, v): self.v = v
    def __add__(self, o): return M(self.v + (o.v if isinstance(o, M) else o))
    __radd__ = __add__
    def __repr__(self): return f'M({self.v})'
print(M(1) + M(2), M(1) + 5, 5 + M(1), sum([M(1), M(2)], M(0)))

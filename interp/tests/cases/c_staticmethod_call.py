class M:
    @staticmethod
    def s(a, b=2): return a + b
    @classmethod
    def c(cls, v): return cls.__name__, v
print(M.s(1), M().s(1, 1), M.c(3), M().c(4))

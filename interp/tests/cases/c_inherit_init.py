class A:
    def __init__(self): self.a = 1
class B(A):
    pass
class C(A):
    def __init__(self):
        super().__init__()
        self.c = 3
print(B().a, C().a, C().c, vars(C()))

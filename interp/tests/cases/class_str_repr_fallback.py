class A:
    def __repr__(self): return 'A!'
class B:
    def __str__(self): return 'B!'
print(A(), str(A()), [A()], B(), str(B()), f'{A()} {B()}')

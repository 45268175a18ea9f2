class A:
    x = 1
print(getattr(A, 'x'), getattr(A(), 'x'), getattr(A, 'y', None), hasattr(A, 'x'), hasattr(A(), 'zz'))

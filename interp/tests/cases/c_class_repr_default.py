class A: pass
print(A.__name__, A.__module__, A().__class__.__name__, str(A).startswith("<class '"), repr(A) == str(A))

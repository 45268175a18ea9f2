class A:
    v = 'class'
a = A()
print(a.v)
a.v = 'inst'
print(a.v, A.v)
del a.v
print(a.v)

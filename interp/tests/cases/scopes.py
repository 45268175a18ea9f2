x = "global"
def read(): return x
def shadow():
    x = "local"
    return x
def nested():
    x = "enclosing"
    def inner(): return x
    return inner()
print(read(), shadow(), nested(), x)
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get(): return count
    return inc, get
inc, get = make_counter(); inc(); inc(); print(get())
def gset():
    global newglobal
    newglobal = 5
gset(); print(newglobal)
class C:
    attr = 1
    other = attr + 1
    lst = [i for i in range(attr + 2)]
    def m(self): return attr_global
attr_global = "AG"
print(C.other, C.lst, C().m())
def deep():
    a = 1
    def l1():
        b = 2
        def l2():
            return a + b
        return l2()
    return l1()
print(deep())
def late_binding():
    fns = [lambda: v for v in range(3)]
    return [f() for f in fns]
print(late_binding())
def param_cell(p):
    def g(): return p * 2
    return g()
print(param_cell(21))
y = 10
def uses_before_assign_global():
    return y + 1
print(uses_before_assign_global())
def comp_scope():
    n = 3
    return [i * n for i in range(n)], {k: n for k in "ab"}, list(i + n for i in range(2))
print(comp_scope())
def del_local():
    z = 1
    del z
    try:
        return z
    except UnboundLocalError as e:
        return str(e)
print(del_local())
def outer_class():
    val = 7
    class Inner:
        v = val
        def get(self): return val
    return Inner.v, Inner().get()
print(outer_class())

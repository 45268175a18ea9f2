g = 1
def read_global(): return g
def write_global():
    global g
    g = 2
print(read_global()); write_global(); print(g, read_global())
def outer():
    x = "o"
    def mid():
        nonlocal x
        x = "m"
        def inner():
            nonlocal x
            x = "i"
        inner()
    mid()
    return x
print(outer())
def make():
    items = []
    def add(v):
        items.append(v)
        return len(items)
    return add, items
add, items = make(); add(1); add(2); print(items)
total = 0
for i in range(5):
    total += i
print(total, i)

# Scoping: LEGB lookups, global/nonlocal, class bodies, comprehension scopes, UnboundLocalError.
x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    return inner()
print(outer())

def shadow():
    try:
        print(x)
        x = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
shadow()

class K:
    x = "class"
    y = [x for _ in range(1)]
    def m(self):
        return x
print(K.y, K().m())

count = 0
def bump():
    global count
    count += 1
bump(); bump()
print(count)

def make():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    return add
add = make()
print(add(2), add(3))
print([(lambda: i)() for i in range(3)], [i for i in range(3) if (j := i * 2)], j)
def gen_scope():
    return [n for n in range(3)], "n" in dir()
print(gen_scope())

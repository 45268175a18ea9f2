# copy.copy vs deepcopy: shared references, cycles, custom __copy__/__deepcopy__.
import copy
a = [[1, 2], {"k": [3]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[0].append(99)
a[1]["k"].append(4)
print(s, d, s[0] is a[0], d[0] is a[0])
cyc = [1]
cyc.append(cyc)
c2 = copy.deepcopy(cyc)
print(c2[1] is c2, c2[1] is cyc)
shared = [0]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is shared)
class Node:
    def __init__(self, v, children=()):
        self.v, self.children = v, list(children)
    def __repr__(self):
        return f"Node({self.v}, {self.children})"
tree = Node(1, [Node(2), Node(3, [Node(4)])])
t2 = copy.deepcopy(tree)
t2.children[1].children[0].v = 40
print(tree, t2)
class Token:
    def __init__(self, name):
        self.name = name
    def __copy__(self):
        return self
    def __deepcopy__(self, memo):
        return Token(self.name + "'")
tok = Token("t")
print(copy.copy(tok) is tok, copy.deepcopy(tok).name, copy.deepcopy((1, "s", None)), copy.copy({1, 2}))

# Tree traversals with recursive generators and yield from; an explicit-stack iterator too.
class Node:
    def __init__(self, value, left=None, right=None):
        self.value, self.left, self.right = value, left, right

def inorder(n):
    if n:
        yield from inorder(n.left)
        yield n.value
        yield from inorder(n.right)

def preorder(n):
    if n:
        yield n.value
        yield from preorder(n.left)
        yield from preorder(n.right)

def levels(root):
    level = [root]
    while level:
        yield [n.value for n in level]
        level = [c for n in level for c in (n.left, n.right) if c]

def insert(root, v):
    if root is None:
        return Node(v)
    if v < root.value:
        root.left = insert(root.left, v)
    else:
        root.right = insert(root.right, v)
    return root

root = None
for v in [50, 30, 70, 20, 40, 60, 80, 35, 65]:
    root = insert(root, v)
print(list(inorder(root)), list(preorder(root)), list(levels(root)))
def depth(n):
    return 1 + max(depth(n.left), depth(n.right)) if n else 0
print(depth(root), sum(inorder(root)), max(inorder(root)), next(inorder(root)))
stack, node, out = [], root, []
while stack or node:
    while node:
        stack.append(node)
        node = node.left
    node = stack.pop()
    out.append(node.value)
    node = node.right
print(out == list(inorder(root)))

# Huffman coding with heapq: build the tree, the codes, encode and decode.
import heapq
from collections import Counter

def build(text):
    heap = [(n, i, ch) for i, (ch, n) in enumerate(sorted(Counter(text).items()))]
    heapq.heapify(heap)
    count = len(heap)
    while len(heap) > 1:
        n1, _, a = heapq.heappop(heap)
        n2, _, b = heapq.heappop(heap)
        heapq.heappush(heap, (n1 + n2, count, (a, b)))
        count += 1
    return heap[0][2]

def codes(tree, prefix="", out=None):
    out = {} if out is None else out
    if isinstance(tree, str):
        out[tree] = prefix or "0"
    else:
        codes(tree[0], prefix + "0", out)
        codes(tree[1], prefix + "1", out)
    return out

def decode(tree, bits):
    out, node = [], tree
    for b in bits:
        node = node[int(b)]
        if isinstance(node, str):
            out.append(node)
            node = tree
    return "".join(out)

text = "this is an example of a huffman tree"
tree = build(text)
table = codes(tree)
for ch in sorted(table, key=lambda c: (len(table[c]), c)):
    print(repr(ch), table[ch])
bits = "".join(table[c] for c in text)
print(len(bits), "bits vs", len(text) * 8, "|", decode(tree, bits) == text)

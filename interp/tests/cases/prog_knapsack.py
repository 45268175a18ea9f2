# 0/1 knapsack with dynamic programming, and the chosen items.
items = [("map", 9, 150), ("compass", 13, 35), ("water", 153, 200), ("sandwich", 50, 160),
         ("glucose", 15, 60), ("tin", 68, 45), ("banana", 27, 60), ("apple", 39, 40),
         ("cheese", 23, 30), ("beer", 52, 10), ("suntan", 11, 70), ("camera", 32, 30)]
capacity = 400

def knapsack(items, cap):
    table = [[0] * (cap + 1) for _ in range(len(items) + 1)]
    for i, (_, w, v) in enumerate(items, 1):
        for c in range(cap + 1):
            table[i][c] = table[i - 1][c]
            if w <= c and table[i - 1][c - w] + v > table[i][c]:
                table[i][c] = table[i - 1][c - w] + v
    chosen = []
    c = cap
    for i in range(len(items), 0, -1):
        if table[i][c] != table[i - 1][c]:
            chosen.append(items[i - 1])
            c -= items[i - 1][1]
    return table[-1][cap], chosen[::-1]

value, chosen = knapsack(items, capacity)
print("value:", value)
print("weight:", sum(w for _, w, _ in chosen))
for name, w, v in chosen:
    print(f"  {name:<10}{w:>5}{v:>5}")

inv = {}
def add(item, n=1):
    inv[item] = inv.get(item, 0) + n
def remove(item, n=1):
    if inv.get(item, 0) < n:
        return False
    inv[item] -= n
    if not inv[item]:
        del inv[item]
    return True
add('potion', 3); add('sword'); print(remove('potion', 2), remove('shield'), inv)

items = {"apple": 1.5, "banana": 0.25, "cherry": 10}
for name, price in items.items():
    print(f"{name:<10}{price:>8.2f}{'!' if price > 1 else '':>2}")
width, prec = 12, 3
print(f"{3.14159:{width}.{prec}f}|{'x':{'>'}{width}}|")
print(f"{', '.join(f'{k}={v}' for k, v in items.items())}")
print(f"{len(items)} items, total {sum(items.values()):.2f}")
print(f"{'nested ' + f'{1 + 1}'}", f"{[f'{i}' for i in range(3)]}", f"{ {'k': 1}['k'] }")
x = 42
print(f"{x!r:>5}", f"{x:#06x}", f"{x:_b}", f"{-x:05d}", f"{x:^+7}", f"{x=:>5}")
print(f"""multi
{x}
line""")
print(F"upper {x}", rf"raw \n {x}", fr"{x}\t")

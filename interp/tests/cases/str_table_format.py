# Formatting a report table: alignment, number formats, totals and str methods.
rows = [("Sword", 3, 12.5), ("Shield", 1, 40.0), ("Potion", 12, 2.25), ("Arrow", 150, 0.1)]
header = f"{'Item':<10}|{'Qty':>5}|{'Price':>8}|{'Total':>10}"
print(header)
print("-" * len(header))
grand = 0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print(f"{name:<10}|{qty:>5}|{price:>8.2f}|{total:>10,.2f}")
print("-" * len(header))
print(f"{'TOTAL':<10}|{sum(q for _, q, _ in rows):>5}|{'':>8}|{grand:>10,.2f}")
print("{:^30}".format("centered"), "|{:*^12}|".format("mid"), "{:+08.3f}".format(-3.14159))
print("{0:b} {0:o} {0:x} {0:#X} {0:,}".format(1234567), "%-8s|%8.3e|%05.1f%%" % ("pct", 12345.678, 99.5))
print(format(0.5, ".0%"), format(1e-7, "g"), format(123456789, ".3g"), format(-0.0, ".1f"), format(2**70, ",d"))

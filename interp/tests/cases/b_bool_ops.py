for a in [0, 1]:
    for b in [0, 1]:
        print(a, b, a and b, a or b, not a, bool(a) ^ bool(b))

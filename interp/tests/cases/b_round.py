for v in [0.5, 1.5, 2.5, -0.5, -1.5, 0.125, 0.375, 2.675, 1e20]:
    print(v, round(v), round(v, 2), round(v, -1))

print(pow(2, 3), pow(2, -1), pow(-2, 3), pow(2, 0), pow(0, 0), pow(2.0, 3), pow(3, 4, 5), pow(-3, 3, 7), 2 ** 3 ** 2)

print(abs(0), abs(-1), abs(1.5), abs(-0.0), abs(-2**70), abs(True))

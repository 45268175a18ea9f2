print(int(3.7), int(-3.7), int('42'), int('-0b101', 0), int(True), float(7), int(7.0), int('1' * 20))

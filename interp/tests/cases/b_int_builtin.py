for s in ['0', '-5', ' 7 ', '+3', '1_2', '0010']:
    print(repr(s), int(s))
print(int('ff', 16), int('0xff', 0), int('11', 2), int('z', 36), int(7.99), int(-7.99))

print(len(''), len('abc'), len([]), len((1,)), len({1: 2}), len({1, 2}), len(range(5)), len(b'ab'))

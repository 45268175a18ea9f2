print(str(42), str(-3.5), str(True), str([1, 'a']), int('0' + '7'), float('1' + '.5'), repr(str(1e100)), str(10 ** 20))

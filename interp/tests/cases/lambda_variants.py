print((lambda: 1)(), (lambda x, y=2: x * y)(3), (lambda *a: len(a))(1, 2), (lambda **k: k)(a=1), list(map(lambda x: x ** 2, range(4))))

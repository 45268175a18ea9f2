print(isinstance(1, int), isinstance(1, float), isinstance(1, (float, int)), isinstance([], (tuple, list)), isinstance(None, type(None)))

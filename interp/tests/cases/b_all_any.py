print(all([1, 2]), all([1, 0]), any([0, 0]), any([0, 3]), all(x for x in ()), any(iter([[]])))

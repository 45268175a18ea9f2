for v in [0, 1, -1, None, 'x']:
    print('falsy' if not v else 'truthy', 'neg' if isinstance(v, int) and v < 0 else 'nonneg')

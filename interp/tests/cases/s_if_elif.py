for v in [-1, 0, 1, 'a', None, []]:
    if v is None: print('none')
    elif v == []: print('empty list')
    elif isinstance(v, str): print('str')
    elif v > 0: print('pos')
    elif v < 0: print('neg')
    else: print('zero')

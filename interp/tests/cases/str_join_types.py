print(','.join(['a', 'b']), ''.join(('x', 'y')), '-'.join('abc'), '+'.join(str(i) for i in range(4)), ', '.join({'k': 1}))

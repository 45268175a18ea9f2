print('ab' * 3, 3 * 'ab', 'ab' * 0, 'ab' * -2, 'a' + 'b' + 'c', ''.join(['ab'] * 2), ('x' * 3).count('x'))

print(set(), set('aab') == {'a', 'b'}, set([3, 1, 2]), frozenset([1, 1]), set(range(3)) | {9})

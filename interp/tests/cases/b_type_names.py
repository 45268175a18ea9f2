for v in [1, 1.5, 'a', [], (), {}, set(), None, True, range(1), b'', len, print, int]:
    print(type(v).__name__)

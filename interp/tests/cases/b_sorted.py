print(sorted([3, 1, 2]), sorted('bca'), sorted([3, 1, 2], reverse=True), sorted([(1, 'b'), (1, 'a'), (0, 'z')]), sorted({3: 'a', 1: 'b'}))

print(list(zip('abc', [1, 2])), list(zip(*[(1, 'a'), (2, 'b')])), list(map(list, zip([1, 2], [3, 4]))))

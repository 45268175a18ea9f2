print(str(), str(1), str(1.5), str([1]), str(None), str(b'a'), str(str), str(int))

print(hash(1) == hash(1.0), hash(0) == hash(False), hash(-1) == hash(-2), hash(()) == hash(()), hash('') == 0)

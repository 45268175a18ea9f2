match [1, 2]:
    case [a, b] if a > b:
        pass
    case [x, y, *z, *w]:
        pass

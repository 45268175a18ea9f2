def f(p):
    match p:
        case (1, a) | (2, b):
            return a

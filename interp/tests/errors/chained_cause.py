try:
    int('x')
except ValueError as e:
    raise RuntimeError('parse failed') from e

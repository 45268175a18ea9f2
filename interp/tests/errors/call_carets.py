def fail():
    raise ValueError('nope')

result = [fail() for _ in range(1)]

def load():
    try:
        {}['k']
    except KeyError as e:
        raise RuntimeError('load failed') from e
try:
    load()
except RuntimeError as e:
    print(e, '<-', repr(e.__cause__))

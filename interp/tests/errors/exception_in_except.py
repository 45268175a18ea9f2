try:
    raise KeyError('a')
except KeyError as e:
    print(undefined)

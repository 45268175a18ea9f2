try:
    {}['k']
except KeyError:
    raise ValueError('bad key')

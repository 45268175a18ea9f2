"""Shallow and deep copies (a pure-Kaa version of CPython's copy module)."""

class Error(Exception):
    pass

_atomic = (type(None), int, float, bool, complex, str, bytes, type, range, type(len), type(lambda: 0), frozenset)

def copy(x):
    cls = type(x)
    if isinstance(x, _atomic) and cls in _atomic:
        return x
    if hasattr(x, "__copy__"):
        return x.__copy__()
    if cls is list:
        return x[:]
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    if cls is tuple:
        return x
    if cls is bytearray:
        return bytearray(x)
    if isinstance(x, (list, dict, set)):
        new = cls.__new__(cls)
        if isinstance(x, list):
            new.extend(x)
        elif isinstance(x, dict):
            new.update(x)
        else:
            new.update(x)
        if hasattr(x, "__dict__"):
            new.__dict__.update(x.__dict__)
        return new
    new = cls.__new__(cls)
    if hasattr(x, "__dict__"):
        new.__dict__.update(x.__dict__)
    return new

def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    d = id(x)
    if d in memo:
        return memo[d]
    cls = type(x)
    if isinstance(x, _atomic) and cls in _atomic:
        return x
    if hasattr(x, "__deepcopy__"):
        y = x.__deepcopy__(memo)
    elif cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        y = tuple(deepcopy(item, memo) for item in x)
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is set:
        y = {deepcopy(item, memo) for item in x}
    elif cls is bytearray:
        y = bytearray(x)
    else:
        y = cls.__new__(cls)
        memo[d] = y
        if isinstance(x, list):
            for item in x:
                y.append(deepcopy(item, memo))
        elif isinstance(x, dict):
            for k, v in x.items():
                y[deepcopy(k, memo)] = deepcopy(v, memo)
        if hasattr(x, "__dict__"):
            for k, v in x.__dict__.items():
                setattr(y, k, deepcopy(v, memo))
    memo[d] = y
    return y

"""Higher-order functions (a pure-Kaa version of CPython's functools)."""

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')
WRAPPER_UPDATES = ('__dict__',)
_initial_missing = object()

def reduce(function, sequence, initial=_initial_missing):
    it = iter(sequence)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value

class partial:
    def __init__(self, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords
    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)
    def __repr__(self):
        args = [repr(self.func)]
        args.extend(repr(x) for x in self.args)
        args.extend(f"{k}={v!r}" for (k, v) in self.keywords.items())
        return f"functools.partial({', '.join(args)})"

def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper

def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)

class _CacheInfo(tuple):
    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))
    hits = property(lambda self: self[0])
    misses = property(lambda self: self[1])
    maxsize = property(lambda self: self[2])
    currsize = property(lambda self: self[3])
    def __repr__(self):
        return "CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)" % tuple(self)

def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key += (_kwd_mark,)
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return key

_kwd_mark = (object(),)

def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        return _lru_wrapper(user_function, maxsize, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')
    def decorating_function(user_function):
        return _lru_wrapper(user_function, maxsize, typed)
    return decorating_function

def _lru_wrapper(user_function, maxsize, typed):
    cache = {}
    stats = [0, 0]
    def wrapper(*args, **kwds):
        key = _make_key(args, kwds, typed)
        if key in cache:
            stats[0] += 1
            if maxsize is not None:
                value = cache.pop(key)
                cache[key] = value
                return value
            return cache[key]
        stats[1] += 1
        result = user_function(*args, **kwds)
        if maxsize is None or maxsize > 0:
            cache[key] = result
            if maxsize is not None and len(cache) > maxsize:
                del cache[next(iter(cache))]
        return result
    def cache_info():
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))
    def cache_clear():
        cache.clear()
        stats[0] = stats[1] = 0
    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    update_wrapper(wrapper, user_function)
    return wrapper

def cache(user_function):
    return lru_cache(maxsize=None)(user_function)

def cmp_to_key(mycmp):
    class K(object):
        __slots__ = ['obj']
        def __init__(self, obj):
            self.obj = obj
        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0
        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0
        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0
        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0
        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0
        __hash__ = None
    return K

def total_ordering(cls):
    roots = {op for op in ('__lt__', '__le__', '__gt__', '__ge__') if op in cls.__dict__}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    if '__lt__' in roots:
        if '__gt__' not in roots: cls.__gt__ = lambda self, other: not (self < other) and self != other
        if '__le__' not in roots: cls.__le__ = lambda self, other: self < other or self == other
        if '__ge__' not in roots: cls.__ge__ = lambda self, other: not (self < other)
    elif '__le__' in roots:
        if '__ge__' not in roots: cls.__ge__ = lambda self, other: not (self <= other) or self == other
        if '__lt__' not in roots: cls.__lt__ = lambda self, other: self <= other and self != other
        if '__gt__' not in roots: cls.__gt__ = lambda self, other: not (self <= other)
    elif '__gt__' in roots:
        if '__lt__' not in roots: cls.__lt__ = lambda self, other: not (self > other) and self != other
        if '__ge__' not in roots: cls.__ge__ = lambda self, other: self > other or self == other
        if '__le__' not in roots: cls.__le__ = lambda self, other: not (self > other)
    else:
        if '__le__' not in roots: cls.__le__ = lambda self, other: not (self >= other) or self == other
        if '__gt__' not in roots: cls.__gt__ = lambda self, other: self >= other and self != other
        if '__lt__' not in roots: cls.__lt__ = lambda self, other: not (self >= other)
    return cls


_NOT_FOUND = object()


class cached_property:
    """A property computed once per instance, then stored in the instance dict."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError("Cannot assign the same cached_property to two different names "
                            f"({self.attrname!r} and {name!r}).")

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError("Cannot use cached_property instance without calling "
                            "__set_name__ on it.")
        cache = instance.__dict__
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            cache[self.attrname] = val
        return val


def singledispatch(func):
    """Dispatch on the type of the first argument (its MRO picks the implementation)."""
    registry = {object: func}

    def dispatch(cls):
        for klass in cls.__mro__:
            if klass in registry:
                return registry[klass]
        return func

    def register(cls, method=None):
        if isinstance(cls, type):
            if method is None:
                return lambda f: register(cls, f)
            registry[cls] = method
            return method
        f = cls
        ann = getattr(f, "__annotations__", {})
        if not ann:
            raise TypeError(f"Invalid first argument to `register()`: {f!r}. Use either "
                            "`@register(some_class)` or plain `@register` on an annotated "
                            "function.")
        argname, klass = next(iter(ann.items()))
        if isinstance(klass, str):
            klass = f.__globals__[klass]
        registry[klass] = f
        return f

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f"{funcname} requires at least 1 positional argument")
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, "__name__", "singledispatch function")
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    update_wrapper(wrapper, func)
    return wrapper

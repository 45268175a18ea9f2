"""BaseExceptionGroup / ExceptionGroup (PEP 654) and the runtime half of `except*`.

Loaded on first use: the two names resolve lazily from builtins, and code compiled from an
`except*` block imports the helpers below.
"""


def _matcher(condition):
    if isinstance(condition, type) and issubclass(condition, BaseException):
        return lambda e: isinstance(e, condition)
    if isinstance(condition, tuple) and all(
            isinstance(c, type) and issubclass(c, BaseException) for c in condition):
        return lambda e: isinstance(e, condition)
    if callable(condition) and not isinstance(condition, type):
        return condition
    raise TypeError("expected a function, exception type or tuple of exception types")


class BaseExceptionGroup(BaseException):
    def __new__(cls, message, exceptions, *rest):
        if rest:
            raise TypeError(f"BaseExceptionGroup.__new__() takes exactly 2 arguments "
                            f"({2 + len(rest)} given)")
        if not isinstance(message, str):
            raise TypeError(f"BaseExceptionGroup.__new__() argument 1 must be str, "
                            f"not {type(message).__name__}")
        if not hasattr(exceptions, "__len__") or isinstance(exceptions, (str, bytes, set, dict)):
            raise TypeError("second argument (exceptions) must be a sequence")
        excs = tuple(exceptions)
        if not excs:
            raise ValueError("second argument (exceptions) must be a non-empty sequence")
        for i, e in enumerate(excs):
            if not isinstance(e, BaseException):
                raise ValueError(f"Item {i} of second argument (exceptions) is not an exception")
        all_exceptions = all(isinstance(e, Exception) for e in excs)
        if cls is BaseExceptionGroup and all_exceptions:
            cls = ExceptionGroup
        elif issubclass(cls, Exception) and not all_exceptions:
            if cls is ExceptionGroup:
                raise TypeError("Cannot nest BaseExceptions in an ExceptionGroup")
            raise TypeError(f"Cannot nest BaseExceptions in '{cls.__name__}'")
        self = super().__new__(cls, message, exceptions)
        self._message = message
        self._exceptions = excs
        return self

    def __init__(self, message, exceptions, *rest):
        super().__init__(message, exceptions)

    @property
    def message(self):
        return self._message

    @property
    def exceptions(self):
        return self._exceptions

    def __str__(self):
        n = len(self._exceptions)
        return f"{self._message} ({n} sub-exception{'s' if n != 1 else ''})"

    def derive(self, excs):
        return BaseExceptionGroup(self._message, excs)

    def _derive_with_state(self, excs):
        eg = self.derive(excs)
        eg.__cause__ = self.__cause__
        eg.__context__ = self.__context__
        eg.__traceback__ = self.__traceback__
        notes = getattr(self, "__notes__", None)
        if notes is not None:
            eg.__notes__ = list(notes)
        return eg

    def split(self, condition):
        match = _matcher(condition)
        if match(self):
            return self, None
        matched, rest = [], []
        for e in self._exceptions:
            if isinstance(e, BaseExceptionGroup):
                m, r = e.split(condition)
                if m is not None:
                    matched.append(m)
                if r is not None:
                    rest.append(r)
            elif match(e):
                matched.append(e)
            else:
                rest.append(e)
        m = self._derive_with_state(matched) if matched else None
        r = self._derive_with_state(rest) if rest else None
        return m, r

    def subgroup(self, condition):
        return self.split(condition)[0]

    def __class_getitem__(cls, item):
        return cls


class ExceptionGroup(BaseExceptionGroup, Exception):
    pass


BaseExceptionGroup.__module__ = "builtins"
ExceptionGroup.__module__ = "builtins"


class StarState:
    """What an `except*` statement has left to handle, and what its handlers raised."""

    def __init__(self, exc):
        self.original = exc
        if isinstance(exc, BaseExceptionGroup):
            self.rest = exc
            self.naked = False
        else:
            self.rest = BaseExceptionGroup("", [exc])
            self.naked = True
        self.raised = []

    def match(self, typ):
        if self.rest is None:
            return None
        if isinstance(typ, type) and issubclass(typ, BaseExceptionGroup) or (
                isinstance(typ, tuple) and any(
                    isinstance(t, type) and issubclass(t, BaseExceptionGroup) for t in typ)):
            raise TypeError("catching ExceptionGroup with except* is not allowed. "
                            "Use except instead.")
        match, self.rest = self.rest.split(typ)
        if match is not None and self.naked:
            # A naked exception is still delivered wrapped, as CPython does.
            match = BaseExceptionGroup("", match.exceptions)
        return match

    def add(self, exc):
        self.raised.append(exc)

    def finish(self):
        if not self.raised:
            if self.rest is None:
                return None
            if self.naked:
                return self.original
            if self.rest is self.original:
                return self.original
            return self.rest
        leftovers = list(self.raised)
        if self.rest is not None:
            leftovers.append(self.original if self.naked else self.rest)
        return BaseExceptionGroup("", leftovers)

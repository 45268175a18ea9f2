"""Abstract base classes (a pure-Kaa version of CPython's abc)."""

def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj

class ABCMeta(type):
    def __call__(cls, *args, **kwargs):
        abstract = sorted(
            name for klass in cls.__mro__ for name, value in vars(klass).items()
            if getattr(value, "__isabstractmethod__", False)
            and all(getattr(getattr(c, name, None), "__isabstractmethod__", False) for c in cls.__mro__[:1])
        )
        if abstract:
            s = "s" if len(abstract) > 1 else ""
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} with abstract method{s} " + ", ".join(abstract))
        return super().__call__(*args, **kwargs)
    def register(cls, subclass):
        return subclass

class ABC(metaclass=ABCMeta):
    pass

print(staticmethod(len), classmethod(1), staticmethod(classmethod(abs)))
print(repr(staticmethod("s")))

# OSError construction picks the errno's subclass; attributes and str() follow CPython.
for args in [(2, "No such file or directory"), (13, "Permission denied", "secret.txt"), (17, "File exists"), (99, "Odd"), ("just a message",), ()]:
    e = OSError(*args)
    print(type(e).__name__, repr(e), str(e), e.errno, e.strerror, e.filename)
print(issubclass(FileNotFoundError, OSError), issubclass(BrokenPipeError, ConnectionError), IOError is OSError, EnvironmentError is OSError)
try:
    raise FileNotFoundError(2, "missing", "data.json")
except OSError as e:
    print("caught", type(e).__name__, e)
try:
    raise TimeoutError("took too long")
except OSError as e:
    print(type(e).__mro__[1].__name__, e.errno, e)

"""In-memory streams: StringIO and BytesIO (no file access: scripts are sandboxed)."""

__all__ = ["StringIO", "BytesIO", "TextIOBase", "IOBase", "UnsupportedOperation", "SEEK_SET",
           "SEEK_CUR", "SEEK_END"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


class IOBase:
    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def close(self):
        self._closed = True

    @property
    def closed(self):
        return self._closed

    def _check_open(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def flush(self):
        self._check_open()

    def isatty(self):
        self._check_open()
        return False

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        for line in lines:
            self.write(line)


class TextIOBase(IOBase):
    pass


class _Buffer(IOBase):
    _empty = ""

    def __init__(self, initial=None):
        self._closed = False
        self._data = self._empty if initial is None else initial
        self._pos = 0

    def getvalue(self):
        self._check_open()
        return self._data

    def write(self, s):
        self._check_open()
        self._check_type(s)
        n = len(s)
        if self._pos > len(self._data):
            self._data = self._data + self._pad(self._pos - len(self._data))
        self._data = self._data[:self._pos] + s + self._data[self._pos + n:]
        self._pos += n
        return n

    def read(self, size=-1):
        self._check_open()
        if size is None or size < 0:
            out = self._data[self._pos:]
        else:
            out = self._data[self._pos:self._pos + size]
        self._pos += len(out)
        return out

    def readline(self, size=-1):
        self._check_open()
        nl = self._newline()
        end = self._data.find(nl, self._pos)
        end = len(self._data) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        out = self._data[self._pos:end]
        self._pos = max(self._pos, end)
        return out

    def tell(self):
        self._check_open()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._data) + pos)
        else:
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError(f"Negative size value {size}")
        self._data = self._data[:size]
        return size


class StringIO(_Buffer, TextIOBase):
    """A text stream in memory."""

    _empty = ""

    def __init__(self, initial_value="", newline="\n"):
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not "
                            f"{type(initial_value).__name__}")
        super().__init__(initial_value or "")

    def _check_type(self, s):
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")

    def _pad(self, n):
        return "\0" * n

    def _newline(self):
        return "\n"

    def __repr__(self):
        return f"<_io.StringIO object at {hex(id(self))}>"


class BytesIO(_Buffer):
    """A bytes stream in memory."""

    _empty = b""

    def __init__(self, initial_bytes=b""):
        super().__init__(bytes(initial_bytes))

    def _check_type(self, s):
        if isinstance(s, str):
            raise TypeError("a bytes-like object is required, not 'str'")

    def write(self, s):
        return super().write(bytes(s))

    def _pad(self, n):
        return b"\0" * n

    def _newline(self):
        return b"\n"

    def getbuffer(self):
        return bytearray(self._data)

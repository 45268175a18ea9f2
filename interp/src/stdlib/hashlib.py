"""Message digests: md5, sha1, sha256, sha512 (computed natively)."""

import _kaa

__all__ = ["md5", "sha1", "sha256", "sha512", "new", "algorithms_available",
           "algorithms_guaranteed"]

_SIZES = {"md5": (16, 64), "sha1": (20, 64), "sha256": (32, 64), "sha512": (64, 128)}
algorithms_guaranteed = frozenset(_SIZES)
algorithms_available = frozenset(_SIZES)


class _Hash:
    def __init__(self, name, data=b""):
        self.name = name
        self.digest_size, self.block_size = _SIZES[name]
        self._data = bytearray()
        if data:
            self.update(data)

    def update(self, data):
        if isinstance(data, str):
            raise TypeError("Strings must be encoded before hashing")
        self._data += bytes(data)

    def digest(self):
        return _kaa.digest(self.name, bytes(self._data))

    def hexdigest(self):
        return self.digest().hex()

    def copy(self):
        c = _Hash(self.name)
        c._data = bytearray(self._data)
        return c

    def __repr__(self):
        return f"<{self.name} _hashlib.HASH object @ {hex(id(self))}>"


def new(name, data=b"", **kwargs):
    key = name.lower().replace("-", "")
    if key not in _SIZES:
        raise ValueError(f"unsupported hash type {name}")
    return _Hash(key, data)


def md5(data=b"", **kwargs):
    return _Hash("md5", data)


def sha1(data=b"", **kwargs):
    return _Hash("sha1", data)


def sha256(data=b"", **kwargs):
    return _Hash("sha256", data)


def sha512(data=b"", **kwargs):
    return _Hash("sha512", data)

# hashlib digests of text and bytes, incremental updates and copies.
import hashlib
for name in ["md5", "sha1", "sha256", "sha512"]:
    h = hashlib.new(name, b"hello world")
    print(name, h.digest_size, h.hexdigest()[:40])
print(hashlib.sha256("Kaa".encode()).hexdigest())
h = hashlib.md5()
h.update(b"hello ")
h2 = h.copy()
h.update(b"world")
print(h.hexdigest() == hashlib.md5(b"hello world").hexdigest(), h2.hexdigest())
print(hashlib.sha1(b"a" * 1000).hexdigest(), len(hashlib.sha512(b"").digest()))
try:
    hashlib.sha256("text")
except TypeError as e:
    print("TypeError:", e)

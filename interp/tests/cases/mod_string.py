import string
print(string.ascii_letters, string.digits, string.punctuation, repr(string.whitespace), string.hexdigits, string.octdigits)
print(string.capwords('hello   world foo'), string.capwords('a-b-c', '-'), len(string.printable))

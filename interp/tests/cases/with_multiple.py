class R:
    def __init__(self, n): self.n = n
    def __enter__(self): print('open', self.n); return self.n
    def __exit__(self, *a): print('close', self.n)
with R(1) as a, R(2) as b:
    print('using', a, b)

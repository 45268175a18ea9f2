class Count:
    def __init__(self, n): self.n = n
    def __iter__(self):
        for i in range(self.n):
            yield i
print(list(Count(3)), sum(Count(5)), sorted(Count(3), reverse=True), 2 in Count(3))

class P:
    @property
    def value(self):
        return self.missing

p = P()
print(p.value)

class Ent:
    count = 0
    def __init__(self):
        Ent.count += 1
        self.id = Ent.count
es = [Ent() for _ in range(3)]
print([e.id for e in es], Ent.count)

class Q:
    def __init__(self):
        self.items = []
    def pop(self):
        return self.items.pop()

q = Q()
q.pop()

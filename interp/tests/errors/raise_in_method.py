class Ship:
    def __init__(self):
        self.hp = 0
    def hit(self):
        if self.hp <= 0:
            raise RuntimeError('already destroyed')

Ship().hit()

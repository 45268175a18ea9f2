class Player:
    def __init__(self, hp):
        self.hp = int(hp)

Player('lots')

class GameOver(Exception):
    pass

def play():
    raise GameOver('you lost')

play()

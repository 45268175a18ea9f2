"""What Pong's scripts share within the scene's VM."""
game = None
ball = None
paddles = []

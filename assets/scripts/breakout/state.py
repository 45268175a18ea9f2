"""What Breakout's scripts share within the scene's VM."""
game = None
paddle = None
ball = None
bricks = []     # brick scripts still standing (the ball checks these)

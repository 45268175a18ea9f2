"""What Asteroids' scripts share within the scene's VM."""
game = None
ship = None
rocks = []      # rock scripts in play (bullets and the ship check these)

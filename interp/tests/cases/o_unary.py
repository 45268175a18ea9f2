print(-5, +5, -(-5), ~5, ~-5, not 0, -0.0, +True, -True, ~False)

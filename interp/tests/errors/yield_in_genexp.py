g = ((yield) for x in range(3))

data = {'x': [1, 2]}
value = data['x'][5]

e = ValueError('bad value')
e.add_note('while loading level 3')
e.add_note('check the map file')
raise e

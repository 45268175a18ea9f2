def parse(s):
    return int(s)

print(list(map(parse, ['1', 'two', '3'])))

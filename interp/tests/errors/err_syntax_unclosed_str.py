name = 'unterminated
print(name)

i = 0
while i < 3:
    i += 1
else:
    print('finished', i)
while True:
    i -= 1
    if i == 0:
        break
else:
    print('no')
print(i)

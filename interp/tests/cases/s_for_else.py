for x in []:
    print('never')
else:
    print('empty else')
for x in [1, 2]:
    if x == 2:
        break
else:
    print('no')
print('done', x)

count = 0
def bump(n=1):
    global count
    count += n
for _ in range(3):
    bump()
bump(10)
print(count)

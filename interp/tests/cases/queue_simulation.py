from collections import deque
q = deque()
for t in range(5):
    q.append(t)
    if t % 2:
        print('serve', q.popleft())
print('left', list(q))

transitions = {'idle': 'walk', 'walk': 'run', 'run': 'idle'}
state = 'idle'
for _ in range(5):
    state = transitions[state]
    print(state, end=' ')
print()

s = 'filename.py'
print(s.endswith(('.py', '.txt')), s.startswith(('file', 'dir')), s.endswith('.py', 0, 8), s.startswith('name', 4), s.endswith(()))

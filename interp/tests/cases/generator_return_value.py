def g():
    yield 1
    return 'ret'
def outer():
    r = yield from g()
    print('inner returned', r)
print(list(outer()))

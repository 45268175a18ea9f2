assert True
assert 1 == 1, 'never'
try:
    assert False, 'boom'
except AssertionError as e:
    print('caught', e)

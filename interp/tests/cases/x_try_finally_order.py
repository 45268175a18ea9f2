def f():
    try:
        print('try')
        return 'value'
    finally:
        print('finally')
print(f())
try:
    try:
        raise ValueError('v')
    finally:
        print('inner finally')
except ValueError as e:
    print('caught', e)

def f(x):
    try:
        if x: raise ValueError
        return 'ok'
    except ValueError:
        return 'error'
    finally:
        print('finally', x)
print(f(0), f(1))

try:
    try:
        1 / 0
    except ZeroDivisionError:
        print('inner')
        raise
except ArithmeticError as e:
    print('outer', type(e).__name__)

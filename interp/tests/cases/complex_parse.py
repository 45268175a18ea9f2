for t in ['1+2j', '-1.5e3-2J', '2j', '(1+2j)', ' 3 ', 'j', '-j', '+j', 'inf+nanj', '1e-3+1e+2j', '1 + 2j', '1+', 'x', '()', '1+2', '(1+2j']:
    try: print(repr(t), complex(t))
    except ValueError as e: print(repr(t), e)

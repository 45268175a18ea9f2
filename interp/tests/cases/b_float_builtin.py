for s in ['1', '1.5', '-2e3', ' 3.25 ', 'inf', '-inf', '1_000.5', '.5']:
    print(repr(s), float(s))

for w in ['hello', 'HELLO', 'hELLo wOrld', 'ünïcode', '123abc', 'x_y']:
    print(w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase())

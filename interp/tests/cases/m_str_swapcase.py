def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.swapcase()", lambda: 'hello'.swapcase())
t("'  Hello World  '.swapcase()", lambda: '  Hello World  '.swapcase())
t("'a1\\tB2'.swapcase()", lambda: 'a1\tB2'.swapcase())
t("''.swapcase()", lambda: ''.swapcase())
t("'ÄÖü ß'.swapcase()", lambda: 'ÄÖü ß'.swapcase())
t("'x-y_z 42'.swapcase()", lambda: 'x-y_z 42'.swapcase())

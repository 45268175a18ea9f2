def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.title()", lambda: 'hello'.title())
t("'  Hello World  '.title()", lambda: '  Hello World  '.title())
t("'a1\\tB2'.title()", lambda: 'a1\tB2'.title())
t("''.title()", lambda: ''.title())
t("'ÄÖü ß'.title()", lambda: 'ÄÖü ß'.title())
t("'x-y_z 42'.title()", lambda: 'x-y_z 42'.title())

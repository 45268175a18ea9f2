def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.isprintable()", lambda: 'hello'.isprintable())
t("'  Hello World  '.isprintable()", lambda: '  Hello World  '.isprintable())
t("'a1\\tB2'.isprintable()", lambda: 'a1\tB2'.isprintable())
t("''.isprintable()", lambda: ''.isprintable())
t("'ÄÖü ß'.isprintable()", lambda: 'ÄÖü ß'.isprintable())
t("'x-y_z 42'.isprintable()", lambda: 'x-y_z 42'.isprintable())

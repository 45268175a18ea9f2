def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.casefold()", lambda: 'hello'.casefold())
t("'  Hello World  '.casefold()", lambda: '  Hello World  '.casefold())
t("'a1\\tB2'.casefold()", lambda: 'a1\tB2'.casefold())
t("''.casefold()", lambda: ''.casefold())
t("'ÄÖü ß'.casefold()", lambda: 'ÄÖü ß'.casefold())
t("'x-y_z 42'.casefold()", lambda: 'x-y_z 42'.casefold())

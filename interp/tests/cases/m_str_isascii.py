def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.isascii()", lambda: 'hello'.isascii())
t("'  Hello World  '.isascii()", lambda: '  Hello World  '.isascii())
t("'a1\\tB2'.isascii()", lambda: 'a1\tB2'.isascii())
t("''.isascii()", lambda: ''.isascii())
t("'ÄÖü ß'.isascii()", lambda: 'ÄÖü ß'.isascii())
t("'x-y_z 42'.isascii()", lambda: 'x-y_z 42'.isascii())

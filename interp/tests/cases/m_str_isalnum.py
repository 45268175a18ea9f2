def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.isalnum()", lambda: 'hello'.isalnum())
t("'  Hello World  '.isalnum()", lambda: '  Hello World  '.isalnum())
t("'a1\\tB2'.isalnum()", lambda: 'a1\tB2'.isalnum())
t("''.isalnum()", lambda: ''.isalnum())
t("'ÄÖü ß'.isalnum()", lambda: 'ÄÖü ß'.isalnum())
t("'x-y_z 42'.isalnum()", lambda: 'x-y_z 42'.isalnum())

def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.isalpha()", lambda: 'hello'.isalpha())
t("'  Hello World  '.isalpha()", lambda: '  Hello World  '.isalpha())
t("'a1\\tB2'.isalpha()", lambda: 'a1\tB2'.isalpha())
t("''.isalpha()", lambda: ''.isalpha())
t("'ÄÖü ß'.isalpha()", lambda: 'ÄÖü ß'.isalpha())
t("'x-y_z 42'.isalpha()", lambda: 'x-y_z 42'.isalpha())

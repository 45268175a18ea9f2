def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.isupper()", lambda: 'hello'.isupper())
t("'  Hello World  '.isupper()", lambda: '  Hello World  '.isupper())
t("'a1\\tB2'.isupper()", lambda: 'a1\tB2'.isupper())
t("''.isupper()", lambda: ''.isupper())
t("'ÄÖü ß'.isupper()", lambda: 'ÄÖü ß'.isupper())
t("'x-y_z 42'.isupper()", lambda: 'x-y_z 42'.isupper())

def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.islower()", lambda: 'hello'.islower())
t("'  Hello World  '.islower()", lambda: '  Hello World  '.islower())
t("'a1\\tB2'.islower()", lambda: 'a1\tB2'.islower())
t("''.islower()", lambda: ''.islower())
t("'ÄÖü ß'.islower()", lambda: 'ÄÖü ß'.islower())
t("'x-y_z 42'.islower()", lambda: 'x-y_z 42'.islower())

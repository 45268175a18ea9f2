def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.isnumeric()", lambda: 'hello'.isnumeric())
t("'  Hello World  '.isnumeric()", lambda: '  Hello World  '.isnumeric())
t("'a1\\tB2'.isnumeric()", lambda: 'a1\tB2'.isnumeric())
t("''.isnumeric()", lambda: ''.isnumeric())
t("'ÄÖü ß'.isnumeric()", lambda: 'ÄÖü ß'.isnumeric())
t("'x-y_z 42'.isnumeric()", lambda: 'x-y_z 42'.isnumeric())

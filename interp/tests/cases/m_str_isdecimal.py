def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.isdecimal()", lambda: 'hello'.isdecimal())
t("'  Hello World  '.isdecimal()", lambda: '  Hello World  '.isdecimal())
t("'a1\\tB2'.isdecimal()", lambda: 'a1\tB2'.isdecimal())
t("''.isdecimal()", lambda: ''.isdecimal())
t("'ÄÖü ß'.isdecimal()", lambda: 'ÄÖü ß'.isdecimal())
t("'x-y_z 42'.isdecimal()", lambda: 'x-y_z 42'.isdecimal())

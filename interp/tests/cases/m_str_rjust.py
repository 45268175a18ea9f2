def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.rjust(8)", lambda: 'hello'.rjust(8))
t("'hello'.rjust(8, '0')", lambda: 'hello'.rjust(8, '0'))
t("'  Hello World  '.rjust(8)", lambda: '  Hello World  '.rjust(8))
t("'  Hello World  '.rjust(8, '0')", lambda: '  Hello World  '.rjust(8, '0'))
t("'a1\\tB2'.rjust(8)", lambda: 'a1\tB2'.rjust(8))
t("'a1\\tB2'.rjust(8, '0')", lambda: 'a1\tB2'.rjust(8, '0'))
t("''.rjust(8)", lambda: ''.rjust(8))
t("''.rjust(8, '0')", lambda: ''.rjust(8, '0'))
t("'ÄÖü ß'.rjust(8)", lambda: 'ÄÖü ß'.rjust(8))
t("'ÄÖü ß'.rjust(8, '0')", lambda: 'ÄÖü ß'.rjust(8, '0'))
t("'x-y_z 42'.rjust(8)", lambda: 'x-y_z 42'.rjust(8))
t("'x-y_z 42'.rjust(8, '0')", lambda: 'x-y_z 42'.rjust(8, '0'))

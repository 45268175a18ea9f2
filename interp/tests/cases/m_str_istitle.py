def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.istitle()", lambda: 'hello'.istitle())
t("'  Hello World  '.istitle()", lambda: '  Hello World  '.istitle())
t("'a1\\tB2'.istitle()", lambda: 'a1\tB2'.istitle())
t("''.istitle()", lambda: ''.istitle())
t("'ÄÖü ß'.istitle()", lambda: 'ÄÖü ß'.istitle())
t("'x-y_z 42'.istitle()", lambda: 'x-y_z 42'.istitle())

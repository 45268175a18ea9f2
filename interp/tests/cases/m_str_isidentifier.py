def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.isidentifier()", lambda: 'hello'.isidentifier())
t("'  Hello World  '.isidentifier()", lambda: '  Hello World  '.isidentifier())
t("'a1\\tB2'.isidentifier()", lambda: 'a1\tB2'.isidentifier())
t("''.isidentifier()", lambda: ''.isidentifier())
t("'ÄÖü ß'.isidentifier()", lambda: 'ÄÖü ß'.isidentifier())
t("'x-y_z 42'.isidentifier()", lambda: 'x-y_z 42'.isidentifier())

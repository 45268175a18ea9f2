def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.rstrip()", lambda: 'hello'.rstrip())
t("'hello'.rstrip('o')", lambda: 'hello'.rstrip('o'))
t("'  Hello World  '.rstrip()", lambda: '  Hello World  '.rstrip())
t("'  Hello World  '.rstrip('o')", lambda: '  Hello World  '.rstrip('o'))
t("'a1\\tB2'.rstrip()", lambda: 'a1\tB2'.rstrip())
t("'a1\\tB2'.rstrip('o')", lambda: 'a1\tB2'.rstrip('o'))
t("''.rstrip()", lambda: ''.rstrip())
t("''.rstrip('o')", lambda: ''.rstrip('o'))
t("'ÄÖü ß'.rstrip()", lambda: 'ÄÖü ß'.rstrip())
t("'ÄÖü ß'.rstrip('o')", lambda: 'ÄÖü ß'.rstrip('o'))
t("'x-y_z 42'.rstrip()", lambda: 'x-y_z 42'.rstrip())
t("'x-y_z 42'.rstrip('o')", lambda: 'x-y_z 42'.rstrip('o'))

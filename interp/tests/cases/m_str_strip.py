def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.strip()", lambda: 'hello'.strip())
t("'hello'.strip('ho')", lambda: 'hello'.strip('ho'))
t("'  Hello World  '.strip()", lambda: '  Hello World  '.strip())
t("'  Hello World  '.strip('ho')", lambda: '  Hello World  '.strip('ho'))
t("'a1\\tB2'.strip()", lambda: 'a1\tB2'.strip())
t("'a1\\tB2'.strip('ho')", lambda: 'a1\tB2'.strip('ho'))
t("''.strip()", lambda: ''.strip())
t("''.strip('ho')", lambda: ''.strip('ho'))
t("'ÄÖü ß'.strip()", lambda: 'ÄÖü ß'.strip())
t("'ÄÖü ß'.strip('ho')", lambda: 'ÄÖü ß'.strip('ho'))
t("'x-y_z 42'.strip()", lambda: 'x-y_z 42'.strip())
t("'x-y_z 42'.strip('ho')", lambda: 'x-y_z 42'.strip('ho'))

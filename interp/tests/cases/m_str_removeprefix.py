def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.removeprefix('he')", lambda: 'hello'.removeprefix('he'))
t("'hello'.removeprefix('x')", lambda: 'hello'.removeprefix('x'))
t("'  Hello World  '.removeprefix('he')", lambda: '  Hello World  '.removeprefix('he'))
t("'  Hello World  '.removeprefix('x')", lambda: '  Hello World  '.removeprefix('x'))
t("'a1\\tB2'.removeprefix('he')", lambda: 'a1\tB2'.removeprefix('he'))
t("'a1\\tB2'.removeprefix('x')", lambda: 'a1\tB2'.removeprefix('x'))
t("''.removeprefix('he')", lambda: ''.removeprefix('he'))
t("''.removeprefix('x')", lambda: ''.removeprefix('x'))
t("'ÄÖü ß'.removeprefix('he')", lambda: 'ÄÖü ß'.removeprefix('he'))
t("'ÄÖü ß'.removeprefix('x')", lambda: 'ÄÖü ß'.removeprefix('x'))
t("'x-y_z 42'.removeprefix('he')", lambda: 'x-y_z 42'.removeprefix('he'))
t("'x-y_z 42'.removeprefix('x')", lambda: 'x-y_z 42'.removeprefix('x'))

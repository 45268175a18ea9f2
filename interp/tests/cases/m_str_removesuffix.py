def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.removesuffix('lo')", lambda: 'hello'.removesuffix('lo'))
t("'hello'.removesuffix('')", lambda: 'hello'.removesuffix(''))
t("'  Hello World  '.removesuffix('lo')", lambda: '  Hello World  '.removesuffix('lo'))
t("'  Hello World  '.removesuffix('')", lambda: '  Hello World  '.removesuffix(''))
t("'a1\\tB2'.removesuffix('lo')", lambda: 'a1\tB2'.removesuffix('lo'))
t("'a1\\tB2'.removesuffix('')", lambda: 'a1\tB2'.removesuffix(''))
t("''.removesuffix('lo')", lambda: ''.removesuffix('lo'))
t("''.removesuffix('')", lambda: ''.removesuffix(''))
t("'ÄÖü ß'.removesuffix('lo')", lambda: 'ÄÖü ß'.removesuffix('lo'))
t("'ÄÖü ß'.removesuffix('')", lambda: 'ÄÖü ß'.removesuffix(''))
t("'x-y_z 42'.removesuffix('lo')", lambda: 'x-y_z 42'.removesuffix('lo'))
t("'x-y_z 42'.removesuffix('')", lambda: 'x-y_z 42'.removesuffix(''))

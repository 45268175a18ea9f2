def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.capitalize()", lambda: 'hello'.capitalize())
t("'  Hello World  '.capitalize()", lambda: '  Hello World  '.capitalize())
t("'a1\\tB2'.capitalize()", lambda: 'a1\tB2'.capitalize())
t("''.capitalize()", lambda: ''.capitalize())
t("'ÄÖü ß'.capitalize()", lambda: 'ÄÖü ß'.capitalize())
t("'x-y_z 42'.capitalize()", lambda: 'x-y_z 42'.capitalize())

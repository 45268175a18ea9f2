# Parsing text by hand: CSV-ish lines with quotes, key=value config, and number formats.
def split_csv(line):
    out, cur, quoted = [], [], False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur).strip())
    return out

rows = ['name, age, city', 'Ann, 31, "Paris, FR"', 'Bob,25,Oslo', '"Smith, J", 40, "New York"']
header, *body = [split_csv(r) for r in rows]
for r in body:
    rec = dict(zip(header, r))
    print(rec, int(rec["age"]) + 1)

config = """
# comment
width = 800
height=600
title = My Game  
fullscreen = yes
ratio = 1.5
"""
settings = {}
for raw in config.splitlines():
    line = raw.split("#", 1)[0].strip()
    if not line:
        continue
    key, _, value = line.partition("=")
    key, value = key.strip(), value.strip()
    if value.isdigit():
        value = int(value)
    elif value.replace(".", "", 1).isdigit():
        value = float(value)
    elif value in ("yes", "no"):
        value = value == "yes"
    settings[key] = value
print(settings)
print("x".join(["1", "2"]).split("x"), "a:b:c".rsplit(":", 1), "  padded  ".strip().center(12, "."), "%s=%r" % ("k", "v"))

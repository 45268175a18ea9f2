import json
data = {"name": "Kaa", "tags": ["a", "b"], "n": 1, "f": 1.5, "t": True, "none": None, "nested": {"x": [1, 2, {"y": "z"}]}, 3: "int key", 2.5: "float key", False: 0}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent="\t", sort_keys=False, separators=(",", ":")))
print(json.dumps(["é", "\u2603", "\U0001F600", "\x00\x1f", 'q"\\/'], ensure_ascii=True))
print(json.dumps(["é", "\u2603", "\U0001F600"], ensure_ascii=False))
print(json.dumps([float("inf"), float("-inf"), float("nan"), 1e100, 0.1, -0.0, 10**20]))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True, indent=1))
print(json.dumps([]), json.dumps({}), json.dumps([[]], indent=2), json.dumps("s"), json.dumps(None), json.dumps((1, 2)))
class P:
    def __init__(self): self.x = 1
print(json.dumps(P(), default=lambda o: o.__dict__))
for bad in [P(), {(1, 2): 3}, float("nan")]:
    try:
        print(json.dumps(bad, allow_nan=False))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(json.dumps({(1, 2): 3, "k": 4}, skipkeys=True))
l = []; l.append(l)
try: json.dumps(l)
except ValueError as e: print(e)
s = json.dumps(data)
print(json.loads(s))
print(json.loads('  [1, 2.5, -3e2, 1E+2, "a\\nb\\u00e9\\ud83d\\ude00", true, false, null, {"k": []}, NaN, -Infinity] '))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())), json.loads('[1.5]', parse_float=str), json.loads('{"a":1,"b":2}', object_pairs_hook=list))
print(json.loads(b'{"x": 0}'), json.loads('"\\/"'), json.loads('123'), json.loads('-0'), json.loads('1.0'))
for bad in ['', '[', '[1,', '[1,]', '{"a":1,}', '{a:1}', '{"a" 1}', '[1 2]', '"abc', '"\\q"', '"\\u12"', '[1] x', 'tru', '"a\nb"', '{"a":}', '01', '-', '  \n  [1,\n 2,\n x]']:
    try:
        print(repr(bad), json.loads(bad))
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, e.pos, e.lineno, e.colno)
print(json.loads('"a\nb"', strict=False))
print(isinstance(json.JSONDecodeError("m", "d", 0), ValueError))
enc = json.JSONEncoder(indent=2)
print(enc.encode({"a": [1]}), "".join(enc.iterencode([1, 2])))
class MyEnc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1, 2}}, cls=MyEnc))

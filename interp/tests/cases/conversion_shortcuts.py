# int()/float()/str() of one argument (the call's shortcut), float text, str slices and split:
# results and errors as CPython's general paths give them.
for t in ["1", "-1", " 2.5 ", "1e5", "1E-3", ".5", "5.", "-0", "+1.5", "1e1000", "-1e1000", "inf", "-Infinity", "nan", "1_000.5", "e5", "+", "1e", "..", "1.2.3", "١٢", "0x10", "", "  ", "1 2", "\t3\n"]:
    for f in (float, int):
        try:
            print(repr(t), f.__name__, repr(f(t)))
        except Exception as e:
            print(repr(t), f.__name__, type(e).__name__, e)
for v in [3.7, -3.7, True, 2**70, 1e300]:
    print(int(v), float(v) if not isinstance(v, float) else v)
class F:
    def __float__(self): return 1.25
    def __index__(self): return 7
print(float(F()), int(F()))
int = lambda x: "shadowed"
print(int("5"))

class S2(str): pass
print(type(str(S2("a"))), str(S2("a")) , str(-5), str(0), str(-2**63), str(2**63-1))
s="abc"; print(str(s) is s, hash("héllo")==hash("h"+"éllo"), hash("abc"), hash("日本"), hash("a\x80"))
print(str(-0), str(True), str(None), str(3.5), str([1]), str(10**30))
for s in ["", "a", "hello world", "héllo wörld ñ", "日本語テキスト", "x" * 40, "é" * 30 + "abc"]:
    n = len(s)
    for a in [None, 0, 1, 3, -1, -3, n, n + 5, -n - 5]:
        for b in [None, 0, 2, 5, -1, -2, n, n + 5]:
            for c in [None, 1, 2, -1, -2, 3]:
                print(repr(s[a:b:c]), end=" ")
    print()
    for i in range(-n, n):
        print(s[i], end="")
    print(s.split(), s.split(" "), s.split("l"), s.split("ö"), s.split("l", 1), s.split(None, 1), s.split("ll"), s.split("x", 0))
print("a;b;;c;".split(";"), "a;b;;c;".split(";", 2), "a;b;;c;".split(";", -1), ";".split(";"))

log = []
class A:
    def __init__(self, v): self.v = v
    def __eq__(self, o): log.append(("A.eq", type(o).__name__)); return NotImplemented
    def __lt__(self, o): log.append(("A.lt", type(o).__name__)); return NotImplemented
    def __repr__(self): return f"A({self.v})"
class B(A):
    def __eq__(self, o): log.append(("B.eq", type(o).__name__)); return isinstance(o, A) and o.v == self.v
    def __gt__(self, o): log.append(("B.gt", type(o).__name__)); return self.v > o.v
class C:
    def __eq__(self, o): log.append(("C.eq",)); return True
    def __ne__(self, o): log.append(("C.ne",)); return False
for expr in ["A(1) == A(1)", "A(1) == B(1)", "B(1) == A(1)", "A(1) < B(0)", "B(2) > A(1)", "A(1) != A(1)",
             "A(1) == 1", "1 == A(1)", "C() == 5", "5 != C()", "A(1) < A(2)", "[A(1)] == [A(1)]", "A(1) in [B(1)]",
             "(1, A(1)) == (1, B(1))", "{'k': C()} == {'k': 0}", "A(1) is A(1)", "None == A(1)"]:
    log.clear()
    try:
        r = eval(expr)
        print(expr, "=", r, log)
    except TypeError as e:
        print(expr, "->", e, log)
class Num:
    def __init__(self, v): self.v = v
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return f"radd({o})"
class Sub(Num):
    def __radd__(self, o): return f"Sub.radd({type(o).__name__})"
print(1 + Num(1), Num(1) + Sub(1), "s" + Num(0))
try:
    Num(1) + Num(2)
except TypeError as e:
    print(e)

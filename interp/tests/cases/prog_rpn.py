# A reverse-Polish calculator with a dispatch table of operators and error handling.
import math, operator
OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
       "^": operator.pow, "%": operator.mod}
FUNCS = {"sqrt": math.sqrt, "neg": operator.neg, "abs": abs}

def rpn(expr):
    stack = []
    for tok in expr.split():
        if tok in OPS:
            if len(stack) < 2:
                raise ValueError(f"not enough operands for {tok}")
            b, a = stack.pop(), stack.pop()
            stack.append(OPS[tok](a, b))
        elif tok in FUNCS:
            stack.append(FUNCS[tok](stack.pop()))
        elif tok == "dup":
            stack.append(stack[-1])
        elif tok == "swap":
            stack[-1], stack[-2] = stack[-2], stack[-1]
        else:
            stack.append(float(tok) if "." in tok else int(tok))
    if len(stack) != 1:
        raise ValueError(f"leftover stack {stack}")
    return stack[0]

for e in ["3 4 + 2 *", "5 1 2 + 4 * + 3 -", "2 3 ^ dup *", "9 sqrt 1 swap -", "1 0 /", "1 +", "1 2", "7 2 % neg abs", "1.5 2 *"]:
    try:
        print(f"{e!r:>22} -> {rpn(e)}")
    except (ValueError, ZeroDivisionError) as ex:
        print(f"{e!r:>22} !! {type(ex).__name__}: {ex}")

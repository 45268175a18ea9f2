# A tokenizer and recursive-descent evaluator for arithmetic expressions.
import re

TOKEN = re.compile(r"\s*(?:(\d+\.?\d*)|(.))")

def tokenize(text):
    for number, op in TOKEN.findall(text):
        if number:
            yield ("num", float(number) if "." in number else int(number))
        elif op.strip():
            yield ("op", op)
    yield ("end", None)

class Parser:
    def __init__(self, text):
        self.tokens = list(tokenize(text))
        self.i = 0

    def peek(self):
        return self.tokens[self.i]

    def take(self):
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expr(self):
        value = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            rhs = self.term()
            value = value + rhs if op == "+" else value - rhs
        return value

    def term(self):
        value = self.factor()
        while self.peek() in (("op", "*"), ("op", "/"), ("op", "%")):
            op = self.take()[1]
            rhs = self.factor()
            if op == "*":
                value *= rhs
            elif op == "/":
                value /= rhs
            else:
                value %= rhs
        return value

    def factor(self):
        kind, val = self.take()
        if kind == "num":
            base = val
        elif val == "-":
            return -self.factor()
        elif val == "(":
            base = self.expr()
            if self.take() != ("op", ")"):
                raise SyntaxError("expected )")
        else:
            raise SyntaxError(f"unexpected {val!r}")
        if self.peek() == ("op", "^"):
            self.take()
            return base ** self.factor()
        return base

for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-4 + 10 / 4", "7 % 3 * 2", "1.5 * (2 - -2)", "((2))", "3 +", "2 * )"]:
    try:
        print(f"{src:>16} = {Parser(src).expr()}")
    except SyntaxError as e:
        print(f"{src:>16} ! {e}")

class Pt:
    __match_args__ = ("x",)
    def __init__(self, x):
        self.x = x

def classify(p):
    match p:
        case Pt(0, 1):
            return "?"

print(classify(Pt(3)))

# A matrix class: __matmul__, transpose, determinant with Fractions, identity, equality.
from fractions import Fraction

class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.n, self.m = len(self.rows), len(self.rows[0])

    @classmethod
    def identity(cls, n):
        return cls([[int(i == j) for j in range(n)] for i in range(n)])

    def __matmul__(self, other):
        if self.m != other.n:
            raise ValueError(f"shape mismatch {self.n}x{self.m} @ {other.n}x{other.m}")
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in zip(*other.rows)] for row in self.rows])

    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]

    def T(self):
        return Matrix(zip(*self.rows))

    def det(self):
        a = [[Fraction(x) for x in r] for r in self.rows]
        n, d = self.n, Fraction(1)
        for c in range(n):
            p = next((r for r in range(c, n) if a[r][c] != 0), None)
            if p is None:
                return 0
            if p != c:
                a[c], a[p] = a[p], a[c]
                d = -d
            d *= a[c][c]
            for r in range(c + 1, n):
                f = a[r][c] / a[c][c]
                a[r] = [x - f * y for x, y in zip(a[r], a[c])]
        return d

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def __repr__(self):
        w = max(len(str(x)) for r in self.rows for x in r)
        return "\n".join("[" + " ".join(str(x).rjust(w) for x in r) + "]" for r in self.rows)

A = Matrix([[1, 2], [3, 4]])
B = Matrix([[0, 1], [1, 0]])
print(A @ B)
print(A.T(), A[1, 0], A @ Matrix.identity(2) == A)
print(Matrix([[2, 0, 1], [1, 3, 2], [1, 1, 1]]).det(), A.det(), Matrix([[1, 2], [2, 4]]).det())
try:
    A @ Matrix([[1, 2, 3]])
except ValueError as e:
    print("ValueError:", e)

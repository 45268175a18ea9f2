def fact(n): return 1 if n <= 1 else n * fact(n - 1)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves
print(fact(50), fib(22), len(hanoi(10, "A", "B", "C", [])), hanoi(2, "A", "B", "C", []))
def flatten(x):
    return [y for item in x for y in (flatten(item) if isinstance(item, list) else [item])]
print(flatten([1, [2, [3, [4, [5]]]], 6]))
def perms(s):
    if len(s) <= 1: return [s]
    return [c + p for i, c in enumerate(s) for p in perms(s[:i] + s[i + 1:])]
print(perms("abc"))
def ackermann(m, n):
    if m == 0: return n + 1
    if n == 0: return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3))
import sys
sys.setrecursionlimit(3000)
def depth(n): return 0 if n == 0 else 1 + depth(n - 1)
print(depth(2500), sys.getrecursionlimit())
def mutual_even(n): return True if n == 0 else mutual_odd(n - 1)
def mutual_odd(n): return False if n == 0 else mutual_even(n - 1)
print(mutual_even(100), mutual_odd(7))

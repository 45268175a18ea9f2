# Recursive calls: naive Fibonacci, Ackermann and a recursive tree walk.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def build(depth):
    if depth == 0:
        return None
    return (build(depth - 1), depth, build(depth - 1))


def total(node):
    if node is None:
        return 0
    left, v, right = node
    return total(left) + v + total(right)


sys.setrecursionlimit(10000)
checksum = fib(33)
checksum += ack(2, 300) + ack(3, 5)
for _ in range(30):
    checksum += total(build(15))
print(checksum)

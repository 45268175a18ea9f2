# sys: exit codes through SystemExit, recursion limits, maxsize, argv and stdout writes.
import sys
print(type(sys.argv), sys.maxsize == 2**63 - 1, sys.getrecursionlimit() >= 1000, sys.version_info[:2] >= (3, 11), sys.byteorder)
try:
    sys.exit(3)
except SystemExit as e:
    print("exit code", e.code)
try:
    sys.exit("message")
except SystemExit as e:
    print("exit message", e.code)
old = sys.getrecursionlimit()
sys.setrecursionlimit(120)
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(old)
sys.stdout.write("written directly\n")
print("to stderr", file=sys.stderr)
print(sys.stdout is sys.__stdout__, callable(sys.stdout.flush), sys.maxunicode)

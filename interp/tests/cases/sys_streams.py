import sys
print("to stdout")
print("to stderr", file=sys.stderr)
n = sys.stdout.write("written\n")
print(n)
sys.stdout.writelines(["a\n", "b\n"])
print(type(sys.stdout).__name__, sys.stdout.isatty())
print("sep", "end", sep="-", end="!\n", file=sys.stdout)

import math
print(math.pi, math.e, math.floor(math.pi), math.ceil(math.e), round(math.sqrt(2), 6), math.factorial(12))

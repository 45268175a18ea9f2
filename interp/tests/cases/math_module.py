import math
print(math.pi, math.e, math.tau, math.inf, -math.inf)
print(math.sqrt(16), math.sqrt(2), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.floor(7))
print(math.gcd(12, 18), math.gcd(0, 5), math.lcm(4, 6), math.factorial(10), math.factorial(25))
print(math.isqrt(17), math.comb(10, 3), math.perm(5, 2), math.perm(4))
print(math.log(math.e), math.log(8, 2), math.log2(1024), math.log10(1000), math.log(100, 10))
print(math.exp(0), math.exp(1), math.pow(2, 10), math.fabs(-3), math.hypot(3, 4), math.copysign(2, -0.0))
print(round(math.sin(math.pi / 2), 10), round(math.cos(0), 10), math.atan2(1, 1), math.degrees(math.pi), math.radians(180))
print(math.isnan(float("nan")), math.isinf(float("inf")), math.isfinite(1.0), math.isclose(0.1 + 0.2, 0.3))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.prod([]))
print(math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4), math.fmod(7, 3), math.fmod(-7, 3))
print(math.dist((0, 0), (3, 4)), math.floor(1e20), math.log(2**100))
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)
try:
    math.log(0)
except ValueError as e:
    print(e)
print(math.gamma(5), math.lgamma(1), math.erf(0))

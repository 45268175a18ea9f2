# math module coverage with exact CPython float output.
import math
print(math.isqrt(10**20 + 1), math.comb(52, 5), math.perm(10, 3), math.prod([1, 2, 3, 4]), math.gcd(84, 36, 120), math.lcm(4, 6, 10))
print(math.dist((0, 0), (3, 4)), math.hypot(1, 2, 2), math.sqrt(2), math.cbrt(27) if hasattr(math, "cbrt") else 3.0, math.exp(1), math.log(100, 10), math.log2(1024), math.log10(0.001), math.log1p(1e-10))
print(math.sin(math.pi / 6), math.cos(0), math.tan(math.pi / 4), math.atan2(1, -1), math.degrees(math.pi), math.radians(180), math.asin(1), math.acosh(2))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.floor(10**20 + 0.5), math.fmod(-7, 3), -7 % 3, math.modf(-3.25), math.frexp(10.0), math.ldexp(0.625, 4))
print(math.copysign(3, -0.0), math.fabs(-4), math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2), math.isnan(float("nan")), math.isinf(-math.inf), math.isfinite(1e308))
print(math.factorial(25), math.fsum([0.1] * 10), sum([0.1] * 10), math.erf(1), math.gamma(5), math.lgamma(10), math.inf > 1e308, math.tau, math.e)
for bad in ["math.sqrt(-1)", "math.log(0)", "math.factorial(-1)", "math.exp(1000)", "math.comb(3, -1)"]:
    try:
        eval(bad)
    except (ValueError, OverflowError) as e:
        print(bad, type(e).__name__, e)

# statistics: means, medians, modes, spreads and quantiles, exactly as CPython rounds them.
import statistics
from fractions import Fraction
data = [2.5, 3.25, 5.5, 11.25, 11.75]
print(statistics.mean([1, 2, 3, 4]), statistics.mean([1, 2, 3]), statistics.mean(data), statistics.median([3, 1, 2]), statistics.median([4, 1, 3, 2]))
print(statistics.variance(data), statistics.stdev(data), statistics.pvariance([1, 2, 3, 4]), statistics.pstdev([1, 2, 3, 4]))
print(statistics.mode([1, 1, 2, 3]), statistics.multimode("aabbc"), statistics.median_low([1, 3, 5, 7]), statistics.median_high([1, 3, 5, 7]))
print(statistics.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), statistics.quantiles(range(1, 11), n=10, method="inclusive"))
print(statistics.fmean([1, 2, 3.5]), statistics.harmonic_mean([40, 60]), round(statistics.geometric_mean([54, 24, 36]), 9))
print(statistics.mean([Fraction(1, 2), Fraction(1, 3)]), statistics.variance([1, 2, 3, 4, 5]), statistics.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
scores = {"ann": [88, 92, 79], "bob": [65, 70, 98], "cid": [90, 90, 90]}
for name, s in scores.items():
    print(f"{name}: mean={statistics.mean(s):.2f} median={statistics.median(s)} stdev={statistics.stdev(s):.3f}")
for bad in [[], [1]]:
    try:
        statistics.variance(bad)
    except statistics.StatisticsError as e:
        print("StatisticsError:", e)

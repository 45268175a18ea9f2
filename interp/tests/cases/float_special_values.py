inf, nan = float('inf'), float('nan')
print(inf, -inf, nan, inf + 1, inf - inf, inf * 0, nan == nan, inf == inf, inf > 1e308, str(nan), repr(-inf))

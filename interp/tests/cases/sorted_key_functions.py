import operator
recs = [{'n': 'b', 'v': 2}, {'n': 'a', 'v': 3}, {'n': 'c', 'v': 1}]
print([r['n'] for r in sorted(recs, key=operator.itemgetter('v'))], [r['n'] for r in sorted(recs, key=lambda r: r['n'], reverse=True)])

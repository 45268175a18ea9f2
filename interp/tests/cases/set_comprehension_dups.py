print({x % 5 for x in range(20)}, {c for c in 'mississippi'} == set('misp'), len({(i % 2, i % 3) for i in range(12)}))

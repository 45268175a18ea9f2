s = '  Hello, World  '
print(s.strip().lower().replace(',', '').split(), '-'.join(s.split()).upper(), s.strip()[::-1].title())

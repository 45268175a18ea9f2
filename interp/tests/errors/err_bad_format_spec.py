print(f'{3.5:d}')

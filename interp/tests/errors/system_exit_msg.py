import sys
print('bye')
sys.exit('fatal: config missing')

print('a' == 'a', 'a' != 'A', 'abc' < 'abd', 'Z' < 'a', 'é' > 'e', 'aa' > 'a', '' == '', sorted(['b', 'a', 'C', 'c', 'B']))

raise Exception('one', 2)

prnt('hi')

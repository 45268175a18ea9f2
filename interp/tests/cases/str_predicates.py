for w in ['abc', 'ABC', 'Abc', '123', 'a1', ' ', '', 'Ab Cd', 'a_b']:
    print(repr(w), w.isalpha(), w.isdigit(), w.isalnum(), w.isupper(), w.islower(), w.isspace(), w.istitle(), w.isidentifier())

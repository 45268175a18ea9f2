from string import Template
t = Template("$who likes ${what}s, $$5, $who")
print(t.substitute(who="tim", what="kung pao"), t.get_identifiers(), t.is_valid())
print(t.safe_substitute({"who": "x"}), Template("$a $b").substitute({"a": 1}, b=2))
try:
    Template("$who $x").substitute(who=1)
except KeyError as e:
    print("KeyError", e)
try:
    Template("cost: $ 5\nnext $").substitute()
except ValueError as e:
    print(e)
print(Template("a $ b").safe_substitute(), Template("$ bad").is_valid())
class Pct(Template):
    delimiter = "%"
print(Pct("%x and %%").substitute(x=3))
class Braced(Template):
    braceidpattern = r"[a-z.]+"
print(Braced("${a.b} $c").substitute({"a.b": 1, "c": 2}))

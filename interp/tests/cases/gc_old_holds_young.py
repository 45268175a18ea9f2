# Objects created long ago (old, after a few collections) are given new objects, while plenty
# of garbage forces collections in between: every new object must survive as long as an old
# one holds it (lists, dicts, sets, attributes, class attributes, closure cells, generator
# locals, module globals, default arguments, nested containers).
class Box:
    pass


class Registry:
    items = []


def churn(n):
    # About 2 MB of short-lived garbage per call.
    t = 0
    for i in range(n):
        s = [str(i), (i, i + 1), {"k": i}]
        t += len(s)
    return t


def make_counter():
    cell = [None]

    def put(v):
        cell[0] = v

    def get():
        return cell[0]

    return put, get


def keeper():
    held = None
    while True:
        v = yield held
        if v is not None:
            held = v


old_list = []
old_dict = {}
old_set = set()
old_box = Box()
put, get = make_counter()
gen = keeper()
next(gen)
nested = {"inner": [[]]}
churn(20000)  # everything above is old from here on

for round_ in range(6):
    tag = "round-%d" % round_
    old_list.append([tag, {"n": round_}])
    old_dict[tag] = (tag * 2, [round_] * 3)
    old_set.add(tag + "!")
    setattr(old_box, "a%d" % round_, {tag: [round_]})
    Registry.items.append(("reg", tag))
    put(["cell", tag])
    gen.send({"gen": tag})
    nested["inner"][0].append([tag])
    globals()["g_" + tag] = [tag, tag]
    churn(20000)

print(old_list)
print(sorted(old_dict.items()))
print(sorted(old_set))
print(sorted(vars(old_box).items()))
print(Registry.items)
print(get(), gen.send(None))
print(nested)
print([globals()["g_round-%d" % i] for i in range(6)])


def defaults(x=[]):
    x.append(str(len(x)) * 3)
    return x


for _ in range(4):
    defaults()
    churn(20000)
print(defaults())

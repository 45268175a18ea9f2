names = ["bob", "Alice", "alice", "Bob", "éclair", "zed", "Zed", ""]
print(sorted(names))
print(sorted(names, key=str.casefold))
print(sorted(names, key=lambda s: (len(s), s)))
print("a" < "b" < "c", "B" < "a", "" < "a", "abc" < "abd" < "abe", "Z" < "a")
print(min(names), max(names), sorted("Hello World"), "".join(sorted(set("mississippi"))))
print(sorted(["10", "9", "100"]), sorted(["10", "9", "100"], key=int))

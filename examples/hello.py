# The smallest Kaa program: run it with `cargo run -p kaa -- examples/hello.py`.
def greet(name):
    return f"Hello, {name}!"

for who in ["Kaa", "Bevy"]:
    print(greet(who))

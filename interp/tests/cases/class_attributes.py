class Config:
    debug = False
    level = 1
    names = ["a"]
    def toggle(self):
        self.debug = not self.debug
c1, c2 = Config(), Config()
c1.toggle()
print(c1.debug, c2.debug, Config.debug)
Config.level = 5
print(c1.level, c2.level)
c2.level = 9
print(c1.level, c2.level, Config.level)
del c2.level
print(c2.level)
print(sorted(k for k in vars(Config) if not k.startswith("__")))
print(Config.toggle.__name__, type(Config.toggle).__name__, type(c1.toggle).__name__)
print(getattr(Config, "level"), hasattr(Config, "toggle"), "debug" in Config.__dict__)
class Child(Config):
    level = 100
print(Child.level, Child().debug, Child.names is Config.names)

class Stop(BaseException):
    pass

def loop():
    raise Stop('halt')

loop()

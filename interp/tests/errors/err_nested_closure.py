def outer():
    data = {}
    def inner(key):
        return data[key]
    return inner

get = outer()
get('absent')

class Oops(Exception):
    def __str__(self):
        return 'custom message'

raise Oops()

class A:
    pass

class B(A):
    def go(self):
        return super().go()

B().go()

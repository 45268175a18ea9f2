def f1():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("finally", i)
    return "done"
print(f1())
def f2():
    try:
        for i in range(3):
            try:
                return i
            finally:
                print("inner finally", i)
    finally:
        print("outer finally")
print(f2())
def f3():
    while True:
        try:
            try:
                raise ValueError("x")
            except ValueError:
                print("caught")
                break
            finally:
                print("f3 inner finally")
        finally:
            print("f3 outer finally")
    return "after"
print(f3())
def f4():
    try:
        return "first"
    finally:
        try:
            raise KeyError("in finally")
        except KeyError:
            print("handled in finally")
print(f4())
def f5(n):
    results = []
    for i in range(n):
        try:
            if i % 2:
                raise ValueError(i)
            results.append(i)
        except ValueError as e:
            results.append(-e.args[0])
            continue
        else:
            results.append("else")
        finally:
            results.append("f")
    return results
print(f5(4))
def f6():
    for i in range(2):
        with open_ctx(i):
            if i == 0:
                continue
            return i
class open_ctx:
    def __init__(self, n): self.n = n
    def __enter__(self): print("enter", self.n)
    def __exit__(self, *a): print("exit", self.n)
print(f6())
def f7():
    try:
        try:
            return 1
        finally:
            raise ValueError("replaces return")
    except ValueError as e:
        return str(e)
print(f7())
def f8():
    x = 0
    while x < 5:
        x += 1
        try:
            if x == 3:
                break
        except Exception:
            pass
        else:
            continue
        finally:
            print("f8 finally", x)
    return x
print(f8())
def f9():
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise TypeError("b")
        except TypeError as t:
            return repr(t.__context__)
print(f9())
def f10():
    for x in range(3):
        try:
            pass
        finally:
            if x == 1:
                break
    return x
print(f10())

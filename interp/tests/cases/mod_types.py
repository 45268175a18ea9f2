import types
ns = types.SimpleNamespace(x=1, y='two')
ns.z = [3]
print(ns, ns.x, ns == types.SimpleNamespace(x=1, y='two', z=[3]))
def f(): pass
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance((x for x in []), types.GeneratorType), type(None) is types.NoneType)

from contextlib import contextmanager, suppress, nullcontext, ExitStack
@contextmanager
def tag(name):
    print(f'<{name}>')
    try:
        yield name.upper()
    finally:
        print(f'</{name}>')
with tag('b') as t:
    print('inside', t)
try:
    with tag('i'):
        raise ValueError('boom')
except ValueError as e:
    print('propagated', e)
with suppress(KeyError, IndexError):
    {}['x']
print('suppressed')
with nullcontext(5) as v:
    print('null', v)
with ExitStack() as stack:
    a = stack.enter_context(tag('x'))
    b = stack.enter_context(tag('y'))
    stack.callback(print, 'callback ran')
    print('in stack', a, b)

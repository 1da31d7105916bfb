# Switching to a dead greenlet goes to its nearest live parent: to the caller itself, the arguments
# come back at once; to another greenlet, that greenlet receives them.
from greenlet import greenlet, getcurrent


def run():
    return 'r'


g = greenlet(run)
print(repr(g.switch()))
print(repr(g.switch(7, 8)))
print(repr(g.switch()))
print(repr(g.switch(9)))


def outer():
    inner = greenlet(lambda: 'inner done')
    print('inner returned', repr(inner.switch()))
    x = getcurrent().parent.switch(inner)
    print('outer got', repr(x))
    return 'outer done'


o = greenlet(outer)
inner = o.switch()
print('dead inner', inner.dead)
print('main got', repr(inner.switch('to dead inner')))

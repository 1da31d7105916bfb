# throw() raises GreenletExit where the greenlet is paused (its finally runs, the parent gets the
# GreenletExit); into a never-started greenlet it kills it without running it; another exception,
# uncaught, reaches the parent raised; a greenlet that catches GreenletExit returns normally.
from greenlet import greenlet, getcurrent, GreenletExit


def k():
    try:
        getcurrent().parent.switch('parked')
    finally:
        print('k finally')


g = greenlet(k)
print(repr(g.switch()))
print('throw returned', repr(g.throw()))
print(g.dead)
h = greenlet(k)
print('unstarted throw returned', repr(h.throw()))
print(h.dead)
j = greenlet(k)
j.switch()
try:
    j.throw(KeyError('z'))
except KeyError as e:
    print('main caught', repr(e))


def catcher():
    try:
        getcurrent().parent.switch()
    except GreenletExit:
        print('caught exit')
        return 'caught'


m = greenlet(catcher)
m.switch()
print(repr(m.throw()))

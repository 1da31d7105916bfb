# An exception escaping run is raised in the parent (the explicit parent, not the switcher);
# GreenletExit is returned to the parent instead.
from greenlet import greenlet, getcurrent, GreenletExit


def boom():
    raise ValueError('boom')


try:
    greenlet(boom).switch()
except ValueError as e:
    print('main caught', repr(e))


def exits():
    raise GreenletExit


print('returned', repr(greenlet(exits).switch()))


def p_run():
    try:
        getcurrent().parent.switch('p parked')
    except ValueError as e:
        print('p caught', repr(e))
    return 'p done'


p = greenlet(p_run)
print(repr(p.switch()))
c = greenlet(boom, parent=p)
print('main got', repr(c.switch()))

# A switch returns what the next switch into it passes: nothing -> (), one value -> it, several -> a tuple;
# the first switch passes its arguments to run; run's return value goes to the parent.
from greenlet import greenlet, getcurrent


def run(*args):
    print('run args', repr(args))
    main = getcurrent().parent
    print('got', repr(main.switch()))
    print('got', repr(main.switch()))
    print('got', repr(main.switch()))
    return 'done'


g = greenlet(run)
print('first', repr(g.switch(1, 'a')))
print('back', repr(g.switch()))
print('back', repr(g.switch(42)))
print('back', repr(g.switch(1, 2, 3)))

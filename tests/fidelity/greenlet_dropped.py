# Greenlets still paused when their thread's function ends are dropped: each gets GreenletExit and
# runs its finally block, in the order they were made. A paused greenlet parked forever is not a deadlock.
import threading
from greenlet import greenlet, getcurrent


def k(n):
    try:
        getcurrent().parent.switch()
    finally:
        print('finally', n)


def body():
    a = greenlet(k)
    a.switch(1)
    b = greenlet(k)
    b.switch(2)
    print('thread body ends')


t = threading.Thread(target=body)
t.start()
t.join()
print('joined')

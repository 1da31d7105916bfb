# sleep(0) is a FIFO yield: three greenlets looping on it interleave A0 B0 C0 A1 B1 C1.
import gevent


def loop(name):
    for i in range(2):
        print(name + str(i))
        gevent.sleep(0)


gevent.joinall([gevent.spawn(loop, n) for n in 'ABC'])

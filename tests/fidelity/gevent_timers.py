# Different sleeps wake by deadline; equal sleeps wake in the order they were armed.
import gevent


def s(name, t):
    gevent.sleep(t)
    print(name)


gevent.joinall([gevent.spawn(s, 'a', 0.02), gevent.spawn(s, 'b', 0.01), gevent.spawn(s, 'c', 0.02), gevent.spawn(s, 'd', 0.01)])

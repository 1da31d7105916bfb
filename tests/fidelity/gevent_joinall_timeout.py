# joinall(timeout) returns when the timeout passes, leaving the rest running, and does not raise a
# greenlet's exception (wide margins: the tests run many programs at once); a finished greenlet keeps its value or exception; raise_error=True raises it.
import gevent


def work(name, t):
    gevent.sleep(t)
    print('done', name)
    return name.upper()


def fail():
    raise ValueError('bad')


a = gevent.spawn(work, 'a', 0.1)
b = gevent.spawn(work, 'b', 2.0)
f = gevent.spawn(fail)
done = gevent.joinall([a, b, f], timeout=1.0)
print('ready', len(done), a.ready(), b.ready(), f.ready())
print('value', repr(a.value), 'exception', repr(f.exception), f.successful(), a.successful())
b.join()
print('b', b.ready(), repr(b.value))
try:
    gevent.joinall([a, f], raise_error=True)
except ValueError as e:
    print('raised', repr(e))
print('empty', gevent.joinall([], timeout=1))

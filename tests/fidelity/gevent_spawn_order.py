# Nothing spawned runs until the spawner yields; then the greenlets start in spawn order.
import gevent


def f(n):
    print('run', n)


gs = [gevent.spawn(f, i) for i in range(3)]
print('spawned')
gevent.sleep(0)
print('after sleep(0)')

# Timeout(t, False) leaves the block silently; Timeout(t, Exc) raises Exc(); Timeout(t) raises Timeout.
import gevent
from gevent import Timeout

with Timeout(0.01, False):
    gevent.sleep(1)
    print('not printed')
print('silent timeout left the block')
try:
    with Timeout(0.01, ValueError):
        gevent.sleep(1)
except ValueError as e:
    print('raised', repr(e))
try:
    with Timeout(0.01):
        gevent.sleep(1)
except Timeout:
    print('raised Timeout')
with Timeout(1, False):
    gevent.sleep(0.01)
    print('finished in time')

# The seed program (9.152, "验证协程的假名"), line breaks restored. gevent 22.10 prints Dummy-N (the seed, older gevent, DummyThread-N).
from gevent import monkey;monkey.patch_all()
from threading import current_thread
import gevent
import time
def eat():
    print('%s eat 1' %current_thread().name)
    time.sleep(5)
    print('%s eat 2' %current_thread().name)
def play():
    print('%s play 1' %current_thread().name)
    time.sleep(3)
    print('%s play 2' %current_thread().name)
g1=gevent.spawn(eat)
g2=gevent.spawn(play)
print(current_thread().name)
gevent.joinall([g1,g2])

# The seed program (9.152, monkey-patched), line breaks restored.
from gevent import monkey;monkey.patch_all()#标记所有(包括time等)的i/o
import gevent
import time
def eat(name):
    print('%s eat 1' %name)
    time.sleep(5) #time的i/o也可以检测
    print('%s eat 2' %name)
def play(name):
    print('%s play 1' %name)
    time.sleep(3)
    print('%s play 2' %name)
g1=gevent.spawn(eat,'egon')
g2=gevent.spawn(play,'alex')
# gevent.sleep(100)
# g1.join()
# g2.join()
gevent.joinall([g1,g2])

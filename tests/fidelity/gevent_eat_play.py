# The seed program (9.152 gevent模块, first), line breaks restored.
import gevent
def eat(name):
    print('%s eat 1' %name)
    gevent.sleep(5) #只检测gevent的i/o
    print('%s eat 2' %name)
def play(name):
    print('%s play 1' %name)
    gevent.sleep(3)
    print('%s play 2' %name)
g1=gevent.spawn(eat,'egon') #异步提交任务
g2=gevent.spawn(play,'alex')
# gevent.sleep(100)
# g1.join()
# g2.join()
# joinall等待任务执行完毕再结束线程
gevent.joinall([g1,g2])

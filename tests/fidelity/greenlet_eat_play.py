# The seed program (9.151 greenlet模块), line breaks restored; the comment with the expected output dropped.
from greenlet import greenlet
import time
def eat(name):
    print('%s eat 1' %name)
    g2.switch('alex')
    print('%s eat 2' %name)
    g2.switch()
def play(name):
    print('%s play 1' %name)
    g1.switch()
    print('%s play 2' %name)
g1=greenlet(eat)
g2=greenlet(play)
g1.switch('egon')

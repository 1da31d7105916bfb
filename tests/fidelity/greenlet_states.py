# (dead, bool(g)): not started (False, False); started, not finished (False, True); finished (True, False).
from greenlet import greenlet, getcurrent


def run():
    getcurrent().parent.switch()


g = greenlet(run)
print(g.dead, bool(g))
g.switch()
print(g.dead, bool(g))
g.switch()
print(g.dead, bool(g))

# Runs a Python program and prefixes each line it prints with the whole seconds elapsed since its
# first line ("3<TAB>alex play 2"), so the harness can compare times to the nearest second. The clock
# starts at the first line because start-up (imports, patching, creating the hub) is pure CPU work
# that the simulation does in no time, and the tests start several programs at once on few cores;
# the seed's programs all print their first line before any sleep.
import runpy
import sys
import time

# Import the libraries before the clock starts: with several programs started at once, importing
# gevent alone can take most of a second.
import gevent  # noqa: F401
import greenlet  # noqa: F401

# Likewise monkey-patching (the program's own patch_all() then finds everything patched already).
with open(sys.argv[1], encoding='utf-8') as source:
    if 'monkey.patch_all()' in source.read():
        from gevent import monkey
        monkey.patch_all()

t0 = None


class Stamped:
    def __init__(self, out):
        self.out = out
        self.buf = ''

    def write(self, text):
        self.buf += text
        while '\n' in self.buf:
            global t0
            if t0 is None:
                t0 = time.monotonic()
            line, self.buf = self.buf.split('\n', 1)
            self.out.write('%d\t%s\n' % (round(time.monotonic() - t0), line))
        return len(text)

    def flush(self):
        self.out.flush()


sys.stdout = Stamped(sys.stdout)
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name='__main__')

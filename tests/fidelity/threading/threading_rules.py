# threading as CPython 3.11 prints it: the errors of misuse, thread names, daemon inheritance and
# TIMEOUT_MAX. Every line is the same under every schedule. The C# twin is the catalog scenario
# ThreadingRules (src/Scenarios/Vocabulary/ThreadingRules.cs).
import threading, time

from common import err, noop

# Misuse raises RuntimeError; a negative sleep ValueError.
t = threading.Thread(target=noop)
err(t.join)
t.start()
t.join()
err(t.start)
def set_daemon():
    t.daemon = True
err(set_daemon)
err(threading.current_thread().join)
err(lambda: time.sleep(-1))

# Names: an empty name takes the number, a lambda is <lambda>, no target no suffix.
print(threading.Thread(target=noop, name="").name)
print(threading.Thread(target=lambda: None).name)
print(threading.Thread().name)
print(threading.Thread(target=noop, name="worker").name)
print(threading.Thread(target=noop).name)

# A thread made by a daemon thread is a daemon.
seen = []
def child():
    seen.append(threading.current_thread().daemon)
def parent():
    c = threading.Thread(target=child)
    seen.append(c.daemon)
    c.start()
    c.join()
p = threading.Thread(target=parent, daemon=True)
p.start()
p.join()
print(seen, threading.Thread(target=noop).daemon)

# TIMEOUT_MAX: larger timeouts overflow where CPython converts them.
big = threading.TIMEOUT_MAX + 1
print(threading.TIMEOUT_MAX)
lock = threading.Lock()
err(lambda: lock.acquire(timeout=big))
err(lambda: lock.acquire(timeout=threading.TIMEOUT_MAX))
err(lambda: time.sleep(big))
cond = threading.Condition(lock)
err(lambda: cond.wait(big))
print(lock.locked())
lock.release()
err(lambda: threading.Semaphore(0).acquire(timeout=big))
err(lambda: threading.Semaphore(1).acquire(timeout=big))
ev = threading.Event()
err(lambda: ev.wait(big))
ev.set()
err(lambda: ev.wait(big))
err(lambda: t.join(big))

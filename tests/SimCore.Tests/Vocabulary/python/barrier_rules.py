# threading.Barrier: indices, the action, timeouts break it, abort, reset, n_waiting.
import threading

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(f"{type(e).__name__}: {e}")

b = threading.Barrier(3, action=lambda: print("action"))
indices = []
def party():
    indices.append(b.wait())
threads = [threading.Thread(target=party) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(indices), b.broken, b.n_waiting, b.parties)

t2 = threading.Barrier(2, timeout=0.05)
err(t2.wait)
print(t2.broken)
err(t2.wait)
t2.reset()
print(t2.broken)
t2.abort()
print(t2.broken)
err(t2.wait)

one = threading.Barrier(1)
print(one.wait(), one.wait())

outcome = []
b3 = threading.Barrier(2)
def doomed():
    try:
        b3.wait()
        outcome.append("passed")
    except threading.BrokenBarrierError:
        outcome.append("broken")
w = threading.Thread(target=doomed)
w.start()
while b3.n_waiting < 1:
    pass
b3.abort()
w.join()
print(outcome)

b4 = threading.Barrier(2)
outcome = []
def wait_on(bar):
    try:
        outcome.append(bar.wait())
    except threading.BrokenBarrierError:
        outcome.append("broken")
w = threading.Thread(target=wait_on, args=(b4,))
w.start()
while b4.n_waiting < 1:
    pass
b4.reset()
w.join()
print(outcome, b4.broken)
pair = [threading.Thread(target=wait_on, args=(b4,)) for _ in range(2)]
for t in pair:
    t.start()
for t in pair:
    t.join()
print(sorted(outcome[1:]))

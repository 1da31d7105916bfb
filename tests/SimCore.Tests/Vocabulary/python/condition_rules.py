# threading.Condition: notify(n) wakes at most n, wait times out with False, wait_for, errors without the lock.
import threading, time

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(f"{type(e).__name__}: {e}")

cond = threading.Condition()
err(cond.wait)
err(cond.notify)
print(cond.wait_for(lambda: True))
with cond:
    print(cond.wait(0.05))
    print(cond.wait_for(lambda: False, 0.05))
    print(cond.wait(0))

queued = 0
results = []
def waiter():
    global queued
    with cond:
        queued += 1
        results.append(cond.wait(0.5))
threads = [threading.Thread(target=waiter) for _ in range(3)]
for t in threads:
    t.start()
while True:
    with cond:
        if queued == 3:
            cond.notify(2)
            break
    time.sleep(0.01)
for t in threads:
    t.join()
print(sorted(results))

queued = 0
results = []
threads = [threading.Thread(target=waiter) for _ in range(3)]
for t in threads:
    t.start()
while True:
    with cond:
        if queued == 3:
            cond.notify_all()
            break
    time.sleep(0.01)
for t in threads:
    t.join()
print(sorted(results))

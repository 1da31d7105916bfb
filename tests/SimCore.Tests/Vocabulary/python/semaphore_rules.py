# threading.Semaphore and BoundedSemaphore: counting, non-blocking and timed acquires, release(n), errors.
import threading

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(f"{type(e).__name__}: {e}")

s = threading.Semaphore(0)
print(s.acquire(False))
print(s.acquire(timeout=0))
print(s.acquire(timeout=0.05))
s.release(2)
print(s.acquire(), s.acquire(), s.acquire(False))
err(lambda: s.release(0))
err(lambda: s.acquire(False, 1))
err(lambda: threading.Semaphore(-1))
b = threading.BoundedSemaphore(2)
print(b.acquire(), b.acquire(), b.acquire(False))
b.release()
b.release()
err(b.release)
print(b.acquire(False))

got = []
def taker():
    got.append(s.acquire(timeout=1))
takers = [threading.Thread(target=taker) for _ in range(2)]
for t in takers:
    t.start()
s.release(2)
for t in takers:
    t.join()
print(got)

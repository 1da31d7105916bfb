# threading.Lock: try-acquire, timeouts, release errors, release by another thread.
import threading

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(f"{type(e).__name__}: {e}")

lock = threading.Lock()
print(lock.acquire())
print(lock.acquire(False))
print(lock.acquire(timeout=0))
print(lock.acquire(timeout=0.05))
print(lock.locked())
other = threading.Thread(target=lock.release)
other.start()
other.join()
print(lock.locked())
err(lock.release)
err(lambda: lock.acquire(False, 1))
err(lambda: lock.acquire(timeout=-2))
print(lock.acquire(timeout=-1))

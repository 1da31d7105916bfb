# threading.RLock: recursion, only the owner releases, others cannot take it meanwhile.
import threading

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(f"{type(e).__name__}: {e}")

rlock = threading.RLock()
print(rlock.acquire())
print(rlock.acquire())
results = []
def intruder():
    results.append(rlock.acquire(False))
    try:
        rlock.release()
    except RuntimeError as e:
        results.append(f"{type(e).__name__}: {e}")
t = threading.Thread(target=intruder)
t.start()
t.join()
print(results)
rlock.release()
rlock.release()
err(rlock.release)
print(rlock.acquire(False))

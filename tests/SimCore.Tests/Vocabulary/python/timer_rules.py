# threading.Timer: runs after its interval unless cancelled; Thread-N names; join(timeout).
import threading

fired = []
t = threading.Timer(0.05, lambda: fired.append("first"))
print(t.name, t.daemon)
t.start()
t.join()
c = threading.Timer(30, lambda: fired.append("cancelled"))
c.start()
c.cancel()
c.join()
print(fired)

slow = threading.Timer(0.2, lambda: fired.append("slow"))
slow.start()
slow.join(0.05)
print(slow.is_alive())
slow.join()
print(slow.is_alive(), fired)

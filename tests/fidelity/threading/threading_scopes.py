# threading's classes beyond Thread(target): a Thread subclass that overrides run, a thread
# without a target, local, `with lock:`, Condition.wait_for over state another thread changes.
# Every line is the same under every schedule. The C# twin is the catalog scenario
# ThreadingScopes (src/Scenarios/Vocabulary/ThreadingScopes.cs).
import threading, time

from common import err

# A subclass that overrides run; a thread without a target.
class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
    def run(self):
        print(self.name, "runs", self.n)
k = Worker(3)
k.start()
k.join()
empty = threading.Thread()
empty.start()
empty.join()
print(empty.name, empty.is_alive())

# threading.local: each thread its own value.
data = threading.local()
data.value = "main"
out = []
def local_user():
    out.append(hasattr(data, "value"))
    data.value = "child"
    out.append(data.value)
u = threading.Thread(target=local_user)
u.start()
u.join()
print(out, data.value)
err(lambda: threading.local().value)

# with lock: released at the end of the block, also when it raises.
scoped = threading.Lock()
with scoped:
    print(scoped.locked())
print(scoped.locked())
try:
    with scoped:
        raise ValueError("inside")
except ValueError as e:
    print("ValueError:", e, scoped.locked())

# Condition.wait_for over state another thread changes.
cv = threading.Condition()
count = 0
def bump():
    global count
    with cv:
        count += 1
        cv.notify_all()
b = threading.Thread(target=bump)
with cv:
    b.start()
    print(cv.wait_for(lambda: count >= 1, timeout=5), count)
b.join()

# queue's classes as CPython 3.11 prints them: LifoQueue, PriorityQueue (heapq's order, ties
# included), SimpleQueue, a Queue subclass over CPython's _init/_qsize/_put/_get hooks, and
# maxsize read and changed. The C# twin is the catalog scenario QueueKinds
# (src/Scenarios/Vocabulary/QueueKinds.cs).
import queue, threading

from common import err

lq = queue.LifoQueue(2)
lq.put("a")
lq.put("b")
err(lambda: lq.put("c", block=False))
print(lq.full(), [lq.get(), lq.get()], lq.empty())

class Job:
    def __init__(self, priority, name):
        self.priority, self.name = priority, name
    def __lt__(self, other):
        return self.priority < other.priority

pq = queue.PriorityQueue()
for priority, name in [(2, "a"), (1, "b"), (2, "c"), (1, "d"), (2, "e"), (1, "f"), (3, "g"), (1, "h")]:
    pq.put(Job(priority, name))
print([pq.get().name for _ in range(8)])
nums = queue.PriorityQueue(3)
for n in [5, 1, 4]:
    nums.put(n)
err(lambda: nums.put(0, timeout=0))
print([nums.get() for _ in range(3)])

sq = queue.SimpleQueue()
err(sq.get_nowait)
err(lambda: sq.get(timeout=-1))
sq.put("x")
sq.put_nowait("y")
print(sq.qsize(), sq.empty(), sq.get(), sq.get_nowait(), sq.empty())

class UniqueQueue(queue.Queue):
    """A FIFO queue that drops an item already waiting in it."""
    def _init(self, maxsize):
        self.items = []
    def _qsize(self):
        return len(self.items)
    def _put(self, item):
        if item not in self.items:
            self.items.append(item)
    def _get(self):
        return self.items.pop(0)

uq = UniqueQueue()
for x in "abacb":
    uq.put(x)
print(uq.qsize(), [uq.get() for _ in range(uq.qsize())])

q = queue.Queue(1)
q.put(1)
print(q.maxsize, q.full())
q.maxsize = 2
print(q.maxsize, q.full())
q.put(2)
print(q.full(), q.qsize())

got = []
def consumer():
    got.append(pq2.get())
pq2 = queue.PriorityQueue()
c = threading.Thread(target=consumer)
c.start()
pq2.put(7)
c.join()
print(got)

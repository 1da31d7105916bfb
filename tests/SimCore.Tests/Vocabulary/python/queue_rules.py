# queue.Queue: FIFO, maxsize, Empty and Full, timeouts, task_done and join.
import queue, threading

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(f"{type(e).__name__}: {e}")

q = queue.Queue(1)
print(q.maxsize, q.qsize(), q.empty(), q.full())
err(q.get_nowait)
err(lambda: q.get(timeout=0))
err(lambda: q.get(timeout=0.05))
err(lambda: q.get(timeout=-1))
q.put("a")
print(q.qsize(), q.empty(), q.full())
err(lambda: q.put("b", False))
err(lambda: q.put("b", timeout=0.05))
err(lambda: q.put("b", timeout=-1))
print(q.get())
q.task_done()
err(q.task_done)

u = queue.Queue()
for i in range(3):
    u.put(i)
print(u.full(), [u.get() for _ in range(3)])

work = queue.Queue(2)
done = []
def worker():
    while True:
        item = work.get()
        done.append(item * 10)
        work.task_done()
threading.Thread(target=worker, daemon=True).start()
for i in range(5):
    work.put(i)
work.join()
print(done)

# A worker pool in which a job can kill its worker: job b needs job a's result, and a worker that
# takes b before a's result is in dies of an uncaught KeyError (threading.excepthook prints its
# traceback on stderr) while the other worker carries on with the rest of the jobs. Which worker
# takes which job, and whether b finds a's result, depends on the schedule. The C# twin is the
# catalog scenario WorkerPoolDeath (src/Scenarios/Vocabulary/WorkerPoolDeath.cs).
import queue, sys, threading

results = {}
jobs = queue.Queue()
for job in ["a", "b", "c", None, None]:
    jobs.put(job)

def worker():
    name = threading.current_thread().name
    while True:
        job = jobs.get()
        if job is None:
            return
        if job == "a":
            results["a"] = 1
        elif job == "b":
            results["b"] = results["a"] + 1
        else:
            results["c"] = 3
        # One write per line: print(a, b, c) writes its pieces apart, and threads tear each other's lines.
        sys.stdout.write(f"{name} did {job}\n")

workers = [threading.Thread(target=worker) for _ in range(2)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print("results:", sorted(results.items()))

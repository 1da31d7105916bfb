# threading.excepthook: a thread's uncaught exception goes to the hook, the thread ends and the
# others carry on; the default hook prints the traceback to stderr. The C# twin is the catalog
# scenario ThreadingExcepthook (src/Scenarios/Vocabulary/ThreadingExcepthook.cs).
import threading

def hook(args):
    print("hook:", args.exc_type.__name__, args.exc_value, args.thread.name)
threading.excepthook = hook
def boom():
    raise ValueError("bad")
x = threading.Thread(target=boom)
x.start()
x.join()
threading.excepthook = threading.__excepthook__
y = threading.Thread(target=boom)
y.start()
y.join()
print(x.is_alive(), y.is_alive(), "main carries on")

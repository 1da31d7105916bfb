# threading's record of threads: is_alive, ident, native_id, get_ident, main_thread, enumerate,
# active_count. Every line is the same under every schedule. The C# twin is the catalog scenario
# ThreadingApi (src/Scenarios/Vocabulary/ThreadingApi.cs).
import threading, time

from common import err

# is_alive, ident, native_id, get_ident, main_thread, enumerate, active_count.
go = threading.Event()
idents = []
def waiter():
    idents.append(threading.get_ident() == threading.current_thread().ident)
    go.wait()
w = threading.Thread(target=waiter)
print(w.is_alive(), w.ident, w.native_id)
w.start()
print(w.is_alive(), w.ident is not None, w.native_id is not None, w.ident != threading.get_ident())
print(threading.main_thread() is threading.current_thread(), threading.main_thread().name)
print([x.name for x in threading.enumerate()], threading.active_count())
go.set()
w.join()
print(w.is_alive(), idents, [x.name for x in threading.enumerate()], threading.active_count())

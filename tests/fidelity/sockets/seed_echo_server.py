# The seed's gevent echo server (seed/000, "9.153 基于协程实现并发的套接字通信", 服务端), its flattened
# line restored. Changed only to take the port from argv (default 8080, as the seed).
import sys
from gevent import monkey,spawn;monkey.patch_all()#标记所有time等的i/o
from threading import Thread
from socket import *
def talk(conn):
    while True:
        try:
            data=conn.recv(1024)
            if not data:break
            conn.send(data.upper())
        except ConnectionResetError:
            break
    conn.close()
def server(ip,port,backlog=5):
    s = socket()
    s.bind((ip,port))
    s.listen(backlog)
    while True:
        conn, addr = s.accept()
        print(addr)
        g=spawn(talk,conn) # 通信
    s.close()
if __name__ == '__main__':
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
    spawn(server,'127.0.0.1',port).join()
    # server(('127.0.0.1',8080))

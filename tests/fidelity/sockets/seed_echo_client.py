# The seed's echo client (seed/000, "9.153 基于协程实现并发的套接字通信", 客户端), its flattened line
# restored. Changed only to be bounded: argv gives the port, the number of threads (the seed: 1000)
# and the messages each thread sends (the seed: forever); each thread then closes its socket.
import sys
from threading import Thread,current_thread
from socket import *
import os
def client():
    client = socket()
    client.connect(('127.0.0.1', PORT))
    for _ in range(MESSAGES):
        data = '%s hello' % current_thread().name
        client.send(data.encode('utf-8'))
        res = client.recv(1024)
        print(res.decode('utf-8'))
    client.close()

if __name__ == '__main__':
    PORT, THREADS, MESSAGES = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    for i in range(THREADS):
        t=Thread(target=client)
        t.start()

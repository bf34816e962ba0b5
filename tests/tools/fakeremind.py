# A stand-in reminder for the e2e tests: listens on SOCKET, reads one
# request and answers with REPLY (Python escapes allowed), COUNT times.
import os, socket, sys
path, reply, count = sys.argv[1], sys.argv[2].encode().decode("unicode_escape").encode("latin-1"), int(sys.argv[3])
try:
    os.unlink(path)
except FileNotFoundError:
    pass
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind(path)
os.chmod(path, 0o666)
s.listen(4)
print("ready", flush=True)
for _ in range(count):
    c, _ = s.accept()
    try:
        c.recv(100)
        c.sendall(reply)
    except OSError:
        pass  # the client hung up first: that is what some tests want
    c.close()

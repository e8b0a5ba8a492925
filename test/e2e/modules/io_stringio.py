# RUN: %python %tools/run_e2e.py %taipan %s
# io.StringIO: write/read/readline/seek/tell/getvalue, line iteration,
# the with statement and closing.
import io

s = io.StringIO()
print(s.write("hello\n"), s.write("world\n"))
s.write("äb\n")
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()))
print(repr(s.read(3)), repr(s.read()))
print(repr(s.read()))
s.seek(0)
print([line for line in s])

t = io.StringIO("one\ntwo\nthree")
print(list(t))
t.seek(4)
print(repr(t.read(3)))
t.seek(0)
t.write("ONE")
print(repr(t.getvalue()))

with io.StringIO("ctx") as f:
    print(f.read())
try:
    f.read()
except ValueError:
    print("ValueError after close")
try:
    f.getvalue()
except ValueError:
    print("ValueError getvalue")


class Upper(io.StringIO):
    pass


u = Upper()
u.write("a\nb\n")
u.seek(0)
for line in u:
    print(repr(line))

print("captured:", end=" ")
buf = io.StringIO()
print("x", 1, [2], sep="-", file=buf)
print(repr(buf.getvalue()))

# RUN: %python %tools/run_e2e.py %taipan %s
# open(): text and binary files, the modes r/w/a/+, line iteration,
# seek/tell, and OSError for a missing file.
import io

# A scratch file outside the source tree (there is no os.remove to clean up).
name = "/tmp/taipan_e2e_io_file.tmp"
with open(name, "w") as f:
    print(f.write("first line\n"), f.write("second\n"))
with open(name) as f:
    print(f.readline(), end="")
    print(f.read(), end="")
with open(name, "a") as f:
    f.write("appended\n")
with open(name, "r") as f:
    print([line for line in f])
with open(name, "rb") as f:
    data = f.read()
    print(type(data).__name__, data)
    f.seek(6)
    print(f.read(4), f.tell())
with open(name, "w+") as f:
    f.write("héllo")
    f.seek(0)
    print(f.read())
with io.open(name, "r", encoding="utf-8") as f:
    print(f.readlines())
f = open(name, "wb")
f.write(b"\x00\x01\xff")
f.close()
f.close()
with open(name, "rb") as f:
    print(f.read())
try:
    open("no_such_dir/no_such_file.txt")
except OSError as e:
    print("OSError", e.errno)

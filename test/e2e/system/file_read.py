# RUN: %python %tools/run_e2e.py %taipan %s
# Reading a data file next to the program (the working directory is the program's).
with open('Inputs/data.txt') as f:
    lines = f.read().splitlines()
print(len(lines), lines[0], lines[-1])
with open('Inputs/data.txt', 'rb') as f:
    head = f.read(5)
print(head, type(head).__name__)
total = 0
with open('Inputs/data.txt') as f:
    for line in f:
        if line.strip().isdigit():
            total += int(line)
print(total)

# RUN: %python %tools/run_e2e.py %taipan %s
# A tiny stack machine interpreter using dispatch through a dict of methods.
class VM:
    def __init__(self):
        self.stack = []
        self.out = []
    def push(self, v): self.stack.append(v)
    def add(self): b = self.stack.pop(); self.stack.append(self.stack.pop() + b)
    def mul(self): b = self.stack.pop(); self.stack.append(self.stack.pop() * b)
    def dup(self): self.stack.append(self.stack[-1])
    def emit(self): self.out.append(self.stack.pop())
    def run(self, program):
        pc = 0
        while pc < len(program):
            op, *args = program[pc]
            if op == 'jnz':
                if self.stack.pop():
                    pc = args[0]
                    continue
            elif op == 'dec':
                self.stack[-1] -= 1
            else:
                getattr(self, op)(*args)
            pc += 1
        return self.out
prog = [('push', 1), ('push', 5), ('dup',), ('emit',), ('dec',), ('dup',), ('jnz', 2), ('push', 6), ('push', 7), ('mul',), ('emit',)]
print(VM().run(prog))

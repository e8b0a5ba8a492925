# RUN: %python %tools/run_e2e.py %taipan %s
# A brainfuck interpreter with precomputed bracket jumps.
def run(code, inp=b''):
    jumps, stack = {}, []
    for i, c in enumerate(code):
        if c == '[':
            stack.append(i)
        elif c == ']':
            j = stack.pop()
            jumps[i], jumps[j] = j, i
    tape, ptr, pc, out, ip = bytearray(300), 0, 0, [], 0
    while pc < len(code):
        c = code[pc]
        if c == '>': ptr += 1
        elif c == '<': ptr -= 1
        elif c == '+': tape[ptr] = (tape[ptr] + 1) % 256
        elif c == '-': tape[ptr] = (tape[ptr] - 1) % 256
        elif c == '.': out.append(chr(tape[ptr]))
        elif c == ',':
            tape[ptr] = inp[ip] if ip < len(inp) else 0
            ip += 1
        elif c == '[' and not tape[ptr]: pc = jumps[pc]
        elif c == ']' and tape[ptr]: pc = jumps[pc]
        pc += 1
    return ''.join(out)
hello = '++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.'
print(repr(run(hello)))
print(run(',[.,]', b'echo'))

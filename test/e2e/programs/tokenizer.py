# RUN: %python %tools/run_e2e.py %taipan %s
# A tokenizer and recursive-descent evaluator for arithmetic expressions.
def tokenize(s):
    tokens, i = [], 0
    while i < len(s):
        c = s[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(s) and s[j].isdigit():
                j += 1
            tokens.append(('num', int(s[i:j])))
            i = j
        elif c in '+-*/()':
            tokens.append(('op', c))
            i += 1
        else:
            raise SyntaxError('bad char ' + c)
    return tokens
class Parser:
    def __init__(self, tokens):
        self.tokens, self.pos = tokens, 0
    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ('end', None)
    def take(self):
        t = self.peek()
        self.pos += 1
        return t
    def expr(self):
        v = self.term()
        while self.peek() in (('op', '+'), ('op', '-')):
            v = v + self.term() if self.take()[1] == '+' else v - self.term()
        return v
    def term(self):
        v = self.factor()
        while self.peek() in (('op', '*'), ('op', '/')):
            v = v * self.factor() if self.take()[1] == '*' else v // self.factor()
        return v
    def factor(self):
        kind, val = self.take()
        if kind == 'num':
            return val
        if val == '-':
            return -self.factor()
        if val == '(':
            v = self.expr()
            self.take()
            return v
        raise SyntaxError('unexpected ' + str(val))
for src in ('1 + 2 * 3', '(1 + 2) * 3', '100 / 7 - -3', '2 * (3 + 4) * (5 - 1)', '99999999999 * 99999999999'):
    print(src, '=', Parser(tokenize(src)).expr())
try:
    tokenize('1 + x')
except SyntaxError as e:
    print('error:', e.args[0])

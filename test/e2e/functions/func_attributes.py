# RUN: %python %tools/run_e2e.py %taipan %s
# Function objects: __name__, first-class use, attributes on functions.
def named():
    return 1
print(named.__name__, (lambda: 0).__name__ == '<lambda>')
alias = named
print(alias.__name__, alias())
def apply(f, *a):
    return f(*a)
print(apply(max, 3, 9), apply(str.upper, 'up'))
class K:
    def m(self):
        return 'bound'
bm = K().m
print(bm(), K.m(K()))

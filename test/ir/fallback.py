# Functions that stay bytecode say why (also as --remarks); everything else
# is native, @micropython.native included.
# RUN: %taipan compile --emit=ir --remarks %s 2>%t.remarks | FileCheck %s
# RUN: FileCheck --check-prefix=REMARK %s < %t.remarks
import micropython

@micropython.bytecode
def forced(x):
    return x

@micropython.viper
def fast(x: int) -> int:
    return x

@micropython.native
def nat(x):
    return x

def introspect():
    a = 1
    return locals()

async def wait(x):
    return await x

def bare():
    raise

class C:
    pass

# CHECK-LABEL: function <module> (native)
# CHECK-LABEL: function forced (bytecode: decorated @micropython.bytecode)
# CHECK-LABEL: function fast (bytecode: @micropython.viper is not supported natively yet)
# CHECK-LABEL: function nat (native)
# CHECK-LABEL: function introspect (bytecode: uses locals() without arguments (line 21))
# CHECK-LABEL: function wait (native generator)
# CHECK-LABEL: function bare (bytecode: a bare 'raise' outside an except clause is not compiled natively yet (line 27))
# CHECK-LABEL: function C (bytecode: class bodies are not compiled natively)

# REMARK: fallback.py:8:1: remark: function 'forced' compiled to bytecode: decorated @micropython.bytecode
# REMARK: fallback.py:12:1: remark: function 'fast' compiled to bytecode: @micropython.viper is not supported natively yet
# REMARK: fallback.py:16:1: remark: function 'nat' compiled natively
# REMARK: fallback.py:19:1: remark: function 'introspect' compiled to bytecode: uses locals() without arguments (line 21)
# REMARK-NOT: function 'C'

# RUN: %taipan compile --emit=ast %s | FileCheck %s
# Decorators. CPython (3.8 and later) starts a decorated def's or class's
# range at `def`/`class`, not at the first decorator. Expected trees:
# CPython 3.11's ast.parse() of this file.
@a
def f(): pass

@a.b(c)
@d
class C:
    @property
    def g(self): pass

@x
async def h(): pass
# CHECK:      FunctionDef 'f' <6:1-6:14>
# CHECK-NEXT:   args: Arguments <{{[0-9:-]+}}>
# CHECK-NEXT:   body:
# CHECK-NEXT:     Pass <6:10-6:14>
# CHECK-NEXT:   decorators:
# CHECK-NEXT:     Name load 'a' <5:2-5:3>
# CHECK:      ClassDef 'C' <10:1-12:22>
# CHECK-NEXT:   body:
# CHECK-NEXT:     FunctionDef 'g' <12:5-12:22>
# CHECK-NEXT:       args: Arguments <{{[0-9:-]+}}>
# CHECK-NEXT:         params:
# CHECK-NEXT:           Arg normal 'self' <12:11-12:15>
# CHECK-NEXT:       body:
# CHECK-NEXT:         Pass <12:18-12:22>
# CHECK-NEXT:       decorators:
# CHECK-NEXT:         Name load 'property' <11:6-11:14>
# CHECK-NEXT:   decorators:
# CHECK-NEXT:     Call <8:2-8:8>
# CHECK-NEXT:       func: Attribute load 'b' <8:2-8:5>
# CHECK-NEXT:         value: Name load 'a' <8:2-8:3>
# CHECK-NEXT:       args:
# CHECK-NEXT:         Name load 'c'{{( parenthesized)?}} <8:6-8:7>
# CHECK-NEXT:     Name load 'd' <9:2-9:3>
# CHECK:      FunctionDef 'h' async <15:1-15:20>
# CHECK-NEXT:   args: Arguments <{{[0-9:-]+}}>
# CHECK-NEXT:   body:
# CHECK-NEXT:     Pass <15:16-15:20>
# CHECK-NEXT:   decorators:
# CHECK-NEXT:     Name load 'x' <14:2-14:3>

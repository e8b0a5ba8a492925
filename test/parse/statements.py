# RUN: %taipan compile --emit=ast %s | FileCheck %s
# Simple and compound statements. Expected trees: CPython 3.11's ast.parse()
# of this file (Taipan's else/finally Blocks, ClassBases and Arguments have
# no CPython counterpart, so their ranges are not checked).
a = b = c
a, *b = c
(a): int = 1
a.b: int
a += 1
del a, b[0], c.d
import a.b as c, d
from . import e
from ..f.g import (h, i as j)
from k import *
global x, y
if a:
    pass
elif b:
    pass
else:
    pass
for i in x:
    continue
else:
    pass
while a:
    break
try:
    pass
except E as e:
    raise F from e
except (G, H):
    pass
else:
    pass
finally:
    pass
try:
    pass
except* E:
    pass
with a as b, c:
    pass
with (a as b, c as d,):
    pass
assert a, "message"
class C(B, metaclass=M):
    x = 1
class D():
    pass
# CHECK:      Assign <5:1-5:10>
# CHECK-NEXT:   value: Name load 'c' <5:9-5:10>
# CHECK-NEXT:   targets:
# CHECK-NEXT:     Name store 'a' <5:1-5:2>
# CHECK-NEXT:     Name store 'b' <5:5-5:6>
# CHECK:      Assign <6:1-6:10>
# CHECK-NEXT:   value: Name load 'c' <6:9-6:10>
# CHECK-NEXT:   targets:
# CHECK-NEXT:     Tuple store <6:1-6:6>
# CHECK-NEXT:       elts:
# CHECK-NEXT:         Name store 'a' <6:1-6:2>
# CHECK-NEXT:         Starred store <6:4-6:6>
# CHECK-NEXT:           value: Name store 'b' <6:5-6:6>
# CHECK:      AnnAssign <7:1-7:13>
# CHECK-NEXT:   target: Name store 'a'{{( parenthesized)?}} <7:2-7:3>
# CHECK-NEXT:   annotation: Name load 'int' <7:6-7:9>
# CHECK-NEXT:   value: Constant int 1 <7:12-7:13>
# CHECK:      AnnAssign <8:1-8:9>
# CHECK-NEXT:   target: Attribute store 'b' <8:1-8:4>
# CHECK-NEXT:     value: Name load 'a' <8:1-8:2>
# CHECK-NEXT:   annotation: Name load 'int' <8:6-8:9>
# CHECK:      AugAssign + <9:1-9:7>
# CHECK-NEXT:   target: Name store 'a' <9:1-9:2>
# CHECK-NEXT:   value: Constant int 1 <9:6-9:7>
# CHECK:      Delete <10:1-10:17>
# CHECK-NEXT:   targets:
# CHECK-NEXT:     Name del 'a' <10:5-10:6>
# CHECK-NEXT:     Subscript del <10:8-10:12>
# CHECK-NEXT:       value: Name load 'b' <10:8-10:9>
# CHECK-NEXT:       slice: Constant int 0 <10:10-10:11>
# CHECK-NEXT:     Attribute del 'd' <10:14-10:17>
# CHECK-NEXT:       value: Name load 'c' <10:14-10:15>
# CHECK:      Import <11:1-11:19>
# CHECK-NEXT:   names:
# CHECK-NEXT:     Alias 'a.b' <11:8-11:16>
# CHECK-NEXT:       asname: Name store 'c' <{{[0-9:-]+}}>
# CHECK-NEXT:     Alias 'd' <11:18-11:19>
# CHECK:      ImportFrom level=1 <12:1-12:16>
# CHECK-NEXT:   names:
# CHECK-NEXT:     Alias 'e' <12:15-12:16>
# CHECK:      ImportFrom 'f.g' level=2 <13:1-13:30>
# CHECK-NEXT:   names:
# CHECK-NEXT:     Alias 'h' <13:20-13:21>
# CHECK-NEXT:     Alias 'i' <13:23-13:29>
# CHECK-NEXT:       asname: Name store 'j' <{{[0-9:-]+}}>
# CHECK:      ImportFrom 'k' level=0 <14:1-14:16>
# CHECK-NEXT:   names:
# CHECK-NEXT:     Alias '*' <14:15-14:16>
# CHECK:      Global <15:1-15:12>
# CHECK-NEXT:   names:
# CHECK-NEXT:     Name load 'x' <{{[0-9:-]+}}>
# CHECK-NEXT:     Name load 'y' <{{[0-9:-]+}}>
# CHECK:      If <16:1-21:9>
# CHECK-NEXT:   test: Name load 'a' <16:4-16:5>
# CHECK-NEXT:   body:
# CHECK-NEXT:     Pass <17:5-17:9>
# CHECK-NEXT:   orelse:
# CHECK-NEXT:     If <18:1-21:9>
# CHECK-NEXT:       test: Name load 'b' <18:6-18:7>
# CHECK-NEXT:       body:
# CHECK-NEXT:         Pass <19:5-19:9>
# CHECK-NEXT:       orelse:
# CHECK-NEXT:         Pass <21:5-21:9>
# CHECK:      For <22:1-25:9>
# CHECK-NEXT:   target: Name store 'i' <22:5-22:6>
# CHECK-NEXT:   iter: Name load 'x' <22:10-22:11>
# CHECK-NEXT:   body:
# CHECK-NEXT:     Continue <23:5-23:13>
# CHECK-NEXT:   orelse:
# CHECK-NEXT:     Pass <25:5-25:9>
# CHECK:      While <26:1-27:10>
# CHECK-NEXT:   test: Name load 'a' <26:7-26:8>
# CHECK-NEXT:   body:
# CHECK-NEXT:     Break <27:5-27:10>
# CHECK:      Try <28:1-37:9>
# CHECK-NEXT:   orelse: Block <{{[0-9:-]+}}>
# CHECK-NEXT:     body:
# CHECK-NEXT:       Pass <35:5-35:9>
# CHECK-NEXT:   finalbody: Block <{{[0-9:-]+}}>
# CHECK-NEXT:     body:
# CHECK-NEXT:       Pass <37:5-37:9>
# CHECK-NEXT:   body:
# CHECK-NEXT:     Pass <29:5-29:9>
# CHECK-NEXT:   handlers:
# CHECK-NEXT:     ExceptHandler 'e' <30:1-31:19>
# CHECK-NEXT:       type: Name load 'E' <30:8-30:9>
# CHECK-NEXT:       body:
# CHECK-NEXT:         Raise <31:5-31:19>
# CHECK-NEXT:           exc: Name load 'F' <31:11-31:12>
# CHECK-NEXT:           cause: Name load 'e' <31:18-31:19>
# CHECK-NEXT:     ExceptHandler <32:1-33:9>
# CHECK-NEXT:       type: Tuple load{{( parenthesized)?}} <32:8-32:14>
# CHECK-NEXT:         elts:
# CHECK-NEXT:           Name load 'G'{{( parenthesized)?}} <32:9-32:10>
# CHECK-NEXT:           Name load 'H' <32:12-32:13>
# CHECK-NEXT:       body:
# CHECK-NEXT:         Pass <33:5-33:9>
# CHECK:      Try star <38:1-41:9>
# CHECK-NEXT:   body:
# CHECK-NEXT:     Pass <39:5-39:9>
# CHECK-NEXT:   handlers:
# CHECK-NEXT:     ExceptHandler star <40:1-41:9>
# CHECK-NEXT:       type: Name load 'E' <40:9-40:10>
# CHECK-NEXT:       body:
# CHECK-NEXT:         Pass <41:5-41:9>
# CHECK:      With <42:1-43:9>
# CHECK-NEXT:   items:
# CHECK-NEXT:     WithItem <{{[0-9:-]+}}>
# CHECK-NEXT:       context_expr: Name load 'a' <42:6-42:7>
# CHECK-NEXT:       optional_vars: Name store 'b' <42:11-42:12>
# CHECK-NEXT:     WithItem <{{[0-9:-]+}}>
# CHECK-NEXT:       context_expr: Name load 'c' <42:14-42:15>
# CHECK-NEXT:   body:
# CHECK-NEXT:     Pass <43:5-43:9>
# CHECK:      With <44:1-45:9>
# CHECK-NEXT:   items:
# CHECK-NEXT:     WithItem <{{[0-9:-]+}}>
# CHECK-NEXT:       context_expr: Name load 'a'{{( parenthesized)?}} <44:7-44:8>
# CHECK-NEXT:       optional_vars: Name store 'b' <44:12-44:13>
# CHECK-NEXT:     WithItem <{{[0-9:-]+}}>
# CHECK-NEXT:       context_expr: Name load 'c' <44:15-44:16>
# CHECK-NEXT:       optional_vars: Name store 'd' <44:20-44:21>
# CHECK-NEXT:   body:
# CHECK-NEXT:     Pass <45:5-45:9>
# CHECK:      Assert <46:1-46:20>
# CHECK-NEXT:   test: Name load 'a' <46:8-46:9>
# CHECK-NEXT:   msg: Constant str "message" <46:11-46:20>
# CHECK:      ClassDef 'C' <47:1-48:10>
# CHECK-NEXT:   bases: ClassBases <{{[0-9:-]+}}>
# CHECK-NEXT:     bases:
# CHECK-NEXT:       Name load 'B'{{( parenthesized)?}} <47:9-47:10>
# CHECK-NEXT:     keywords:
# CHECK-NEXT:       Keyword 'metaclass' <47:12-47:23>
# CHECK-NEXT:         value: Name load 'M' <47:22-47:23>
# CHECK-NEXT:   body:
# CHECK-NEXT:     Assign <48:5-48:10>
# CHECK-NEXT:       value: Constant int 1 <48:9-48:10>
# CHECK-NEXT:       targets:
# CHECK-NEXT:         Name store 'x' <48:5-48:6>
# CHECK:      ClassDef 'D' <49:1-50:9>
# CHECK-NEXT:   bases: ClassBases <{{[0-9:-]+}}>
# CHECK-NEXT:   body:
# CHECK-NEXT:     Pass <50:5-50:9>

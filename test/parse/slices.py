# RUN: %taipan compile --emit=ast %s | FileCheck %s
# Subscripts and slices. Expected trees: CPython 3.11's ast.parse() of this
# file.
a[1]
a[1:2]
a[::2]
a[:]
a[1:2, 3]
a[1:2, ::3, ...]
a[()]
a[*b]
a[b, *c]
a[(1, 2)]
a[b][c:d] = e
del a[1:]
# CHECK:      Expr <4:1-4:5>
# CHECK-NEXT:   value: Subscript load <4:1-4:5>
# CHECK-NEXT:     value: Name load 'a' <4:1-4:2>
# CHECK-NEXT:     slice: Constant int 1 <4:3-4:4>
# CHECK:      Expr <5:1-5:7>
# CHECK-NEXT:   value: Subscript load <5:1-5:7>
# CHECK-NEXT:     value: Name load 'a' <5:1-5:2>
# CHECK-NEXT:     slice: Slice <5:3-5:6>
# CHECK-NEXT:       lower: Constant int 1 <5:3-5:4>
# CHECK-NEXT:       upper: Constant int 2 <5:5-5:6>
# CHECK:      Expr <6:1-6:7>
# CHECK-NEXT:   value: Subscript load <6:1-6:7>
# CHECK-NEXT:     value: Name load 'a' <6:1-6:2>
# CHECK-NEXT:     slice: Slice <6:3-6:6>
# CHECK-NEXT:       step: Constant int 2 <6:5-6:6>
# CHECK:      Expr <7:1-7:5>
# CHECK-NEXT:   value: Subscript load <7:1-7:5>
# CHECK-NEXT:     value: Name load 'a' <7:1-7:2>
# CHECK-NEXT:     slice: Slice <7:3-7:4>
# CHECK:      Expr <8:1-8:10>
# CHECK-NEXT:   value: Subscript load <8:1-8:10>
# CHECK-NEXT:     value: Name load 'a' <8:1-8:2>
# CHECK-NEXT:     slice: Tuple load <8:3-8:9>
# CHECK-NEXT:       elts:
# CHECK-NEXT:         Slice <8:3-8:6>
# CHECK-NEXT:           lower: Constant int 1 <8:3-8:4>
# CHECK-NEXT:           upper: Constant int 2 <8:5-8:6>
# CHECK-NEXT:         Constant int 3 <8:8-8:9>
# CHECK:      Expr <9:1-9:17>
# CHECK-NEXT:   value: Subscript load <9:1-9:17>
# CHECK-NEXT:     value: Name load 'a' <9:1-9:2>
# CHECK-NEXT:     slice: Tuple load <9:3-9:16>
# CHECK-NEXT:       elts:
# CHECK-NEXT:         Slice <9:3-9:6>
# CHECK-NEXT:           lower: Constant int 1 <9:3-9:4>
# CHECK-NEXT:           upper: Constant int 2 <9:5-9:6>
# CHECK-NEXT:         Slice <9:8-9:11>
# CHECK-NEXT:           step: Constant int 3 <9:10-9:11>
# CHECK-NEXT:         Constant Ellipsis <9:13-9:16>
# CHECK:      Expr <10:1-10:6>
# CHECK-NEXT:   value: Subscript load <10:1-10:6>
# CHECK-NEXT:     value: Name load 'a' <10:1-10:2>
# CHECK-NEXT:     slice: Tuple load{{( parenthesized)?}} <10:3-10:5>
# CHECK:      Expr <11:1-11:6>
# CHECK-NEXT:   value: Subscript load <11:1-11:6>
# CHECK-NEXT:     value: Name load 'a' <11:1-11:2>
# CHECK-NEXT:     slice: Tuple load <11:3-11:5>
# CHECK-NEXT:       elts:
# CHECK-NEXT:         Starred load <11:3-11:5>
# CHECK-NEXT:           value: Name load 'b' <11:4-11:5>
# CHECK:      Expr <12:1-12:9>
# CHECK-NEXT:   value: Subscript load <12:1-12:9>
# CHECK-NEXT:     value: Name load 'a' <12:1-12:2>
# CHECK-NEXT:     slice: Tuple load <12:3-12:8>
# CHECK-NEXT:       elts:
# CHECK-NEXT:         Name load 'b' <12:3-12:4>
# CHECK-NEXT:         Starred load <12:6-12:8>
# CHECK-NEXT:           value: Name load 'c' <12:7-12:8>
# CHECK:      Expr <13:1-13:10>
# CHECK-NEXT:   value: Subscript load <13:1-13:10>
# CHECK-NEXT:     value: Name load 'a' <13:1-13:2>
# CHECK-NEXT:     slice: Tuple load{{( parenthesized)?}} <13:3-13:9>
# CHECK-NEXT:       elts:
# CHECK-NEXT:         Constant int 1{{( parenthesized)?}} <13:4-13:5>
# CHECK-NEXT:         Constant int 2 <13:7-13:8>
# CHECK:      Assign <14:1-14:14>
# CHECK-NEXT:   value: Name load 'e' <14:13-14:14>
# CHECK-NEXT:   targets:
# CHECK-NEXT:     Subscript store <14:1-14:10>
# CHECK-NEXT:       value: Subscript load <14:1-14:5>
# CHECK-NEXT:         value: Name load 'a' <14:1-14:2>
# CHECK-NEXT:         slice: Name load 'b' <14:3-14:4>
# CHECK-NEXT:       slice: Slice <14:6-14:9>
# CHECK-NEXT:         lower: Name load 'c' <14:6-14:7>
# CHECK-NEXT:         upper: Name load 'd' <14:8-14:9>
# CHECK:      Delete <15:1-15:10>
# CHECK-NEXT:   targets:
# CHECK-NEXT:     Subscript del <15:5-15:10>
# CHECK-NEXT:       value: Name load 'a' <15:5-15:6>
# CHECK-NEXT:       slice: Slice <15:7-15:9>
# CHECK-NEXT:         lower: Constant int 1 <15:7-15:8>

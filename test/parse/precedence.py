# RUN: %taipan compile --emit=ast %s | FileCheck %s
# Operator precedence and associativity. The expected trees are CPython
# 3.11's ast.parse() of this file, in --emit=ast form (columns 1-based).
a + b * c - d / e % f // g @ h
a - b - c
a ** b ** c
-a ** -b
a | b ^ c & d << e >> f + g
~a + -b * +c
not a and b or c and not d
a or b or c
(a or b) and c
a if b else c if d else e
lambda: a if b else c
x = (y := a + 1) * 2
a.b[c](d).e
await_ = -a.b ** c[d]
# CHECK:      Expr <4:1-4:31>
# CHECK-NEXT:   value: BinOp - <4:1-4:31>
# CHECK-NEXT:     left: BinOp + <4:1-4:10>
# CHECK-NEXT:       left: Name load 'a' <4:1-4:2>
# CHECK-NEXT:       right: BinOp * <4:5-4:10>
# CHECK-NEXT:         left: Name load 'b' <4:5-4:6>
# CHECK-NEXT:         right: Name load 'c' <4:9-4:10>
# CHECK-NEXT:     right: BinOp @ <4:13-4:31>
# CHECK-NEXT:       left: BinOp // <4:13-4:27>
# CHECK-NEXT:         left: BinOp % <4:13-4:22>
# CHECK-NEXT:           left: BinOp / <4:13-4:18>
# CHECK-NEXT:             left: Name load 'd' <4:13-4:14>
# CHECK-NEXT:             right: Name load 'e' <4:17-4:18>
# CHECK-NEXT:           right: Name load 'f' <4:21-4:22>
# CHECK-NEXT:         right: Name load 'g' <4:26-4:27>
# CHECK-NEXT:       right: Name load 'h' <4:30-4:31>
# CHECK:      Expr <5:1-5:10>
# CHECK-NEXT:   value: BinOp - <5:1-5:10>
# CHECK-NEXT:     left: BinOp - <5:1-5:6>
# CHECK-NEXT:       left: Name load 'a' <5:1-5:2>
# CHECK-NEXT:       right: Name load 'b' <5:5-5:6>
# CHECK-NEXT:     right: Name load 'c' <5:9-5:10>
# CHECK:      Expr <6:1-6:12>
# CHECK-NEXT:   value: BinOp ** <6:1-6:12>
# CHECK-NEXT:     left: Name load 'a' <6:1-6:2>
# CHECK-NEXT:     right: BinOp ** <6:6-6:12>
# CHECK-NEXT:       left: Name load 'b' <6:6-6:7>
# CHECK-NEXT:       right: Name load 'c' <6:11-6:12>
# CHECK:      Expr <7:1-7:9>
# CHECK-NEXT:   value: UnaryOp - <7:1-7:9>
# CHECK-NEXT:     operand: BinOp ** <7:2-7:9>
# CHECK-NEXT:       left: Name load 'a' <7:2-7:3>
# CHECK-NEXT:       right: UnaryOp - <7:7-7:9>
# CHECK-NEXT:         operand: Name load 'b' <7:8-7:9>
# CHECK:      Expr <8:1-8:28>
# CHECK-NEXT:   value: BinOp | <8:1-8:28>
# CHECK-NEXT:     left: Name load 'a' <8:1-8:2>
# CHECK-NEXT:     right: BinOp ^ <8:5-8:28>
# CHECK-NEXT:       left: Name load 'b' <8:5-8:6>
# CHECK-NEXT:       right: BinOp & <8:9-8:28>
# CHECK-NEXT:         left: Name load 'c' <8:9-8:10>
# CHECK-NEXT:         right: BinOp >> <8:13-8:28>
# CHECK-NEXT:           left: BinOp << <8:13-8:19>
# CHECK-NEXT:             left: Name load 'd' <8:13-8:14>
# CHECK-NEXT:             right: Name load 'e' <8:18-8:19>
# CHECK-NEXT:           right: BinOp + <8:23-8:28>
# CHECK-NEXT:             left: Name load 'f' <8:23-8:24>
# CHECK-NEXT:             right: Name load 'g' <8:27-8:28>
# CHECK:      Expr <9:1-9:13>
# CHECK-NEXT:   value: BinOp + <9:1-9:13>
# CHECK-NEXT:     left: UnaryOp ~ <9:1-9:3>
# CHECK-NEXT:       operand: Name load 'a' <9:2-9:3>
# CHECK-NEXT:     right: BinOp * <9:6-9:13>
# CHECK-NEXT:       left: UnaryOp - <9:6-9:8>
# CHECK-NEXT:         operand: Name load 'b' <9:7-9:8>
# CHECK-NEXT:       right: UnaryOp + <9:11-9:13>
# CHECK-NEXT:         operand: Name load 'c' <9:12-9:13>
# CHECK:      Expr <10:1-10:27>
# CHECK-NEXT:   value: BoolOp or <10:1-10:27>
# CHECK-NEXT:     values:
# CHECK-NEXT:       BoolOp and <10:1-10:12>
# CHECK-NEXT:         values:
# CHECK-NEXT:           UnaryOp not <10:1-10:6>
# CHECK-NEXT:             operand: Name load 'a' <10:5-10:6>
# CHECK-NEXT:           Name load 'b' <10:11-10:12>
# CHECK-NEXT:       BoolOp and <10:16-10:27>
# CHECK-NEXT:         values:
# CHECK-NEXT:           Name load 'c' <10:16-10:17>
# CHECK-NEXT:           UnaryOp not <10:22-10:27>
# CHECK-NEXT:             operand: Name load 'd' <10:26-10:27>
# CHECK:      Expr <11:1-11:12>
# CHECK-NEXT:   value: BoolOp or <11:1-11:12>
# CHECK-NEXT:     values:
# CHECK-NEXT:       Name load 'a' <11:1-11:2>
# CHECK-NEXT:       Name load 'b' <11:6-11:7>
# CHECK-NEXT:       Name load 'c' <11:11-11:12>
# CHECK:      Expr <12:1-12:15>
# CHECK-NEXT:   value: BoolOp and <12:1-12:15>
# CHECK-NEXT:     values:
# CHECK-NEXT:       BoolOp or{{( parenthesized)?}} <12:2-12:8>
# CHECK-NEXT:         values:
# CHECK-NEXT:           Name load 'a' <12:2-12:3>
# CHECK-NEXT:           Name load 'b' <12:7-12:8>
# CHECK-NEXT:       Name load 'c' <12:14-12:15>
# CHECK:      Expr <13:1-13:26>
# CHECK-NEXT:   value: IfExp <13:1-13:26>
# CHECK-NEXT:     test: Name load 'b' <13:6-13:7>
# CHECK-NEXT:     body: Name load 'a' <13:1-13:2>
# CHECK-NEXT:     orelse: IfExp <13:13-13:26>
# CHECK-NEXT:       test: Name load 'd' <13:18-13:19>
# CHECK-NEXT:       body: Name load 'c' <13:13-13:14>
# CHECK-NEXT:       orelse: Name load 'e' <13:25-13:26>
# CHECK:      Expr <14:1-14:22>
# CHECK-NEXT:   value: Lambda <14:1-14:22>
# CHECK-NEXT:     args: Arguments <{{[0-9:-]+}}>
# CHECK-NEXT:     body: IfExp <14:9-14:22>
# CHECK-NEXT:       test: Name load 'b' <14:14-14:15>
# CHECK-NEXT:       body: Name load 'a' <14:9-14:10>
# CHECK-NEXT:       orelse: Name load 'c' <14:21-14:22>
# CHECK:      Assign <15:1-15:21>
# CHECK-NEXT:   value: BinOp * <15:5-15:21>
# CHECK-NEXT:     left: NamedExpr{{( parenthesized)?}} <15:6-15:16>
# CHECK-NEXT:       target: Name store 'y' <15:6-15:7>
# CHECK-NEXT:       value: BinOp + <15:11-15:16>
# CHECK-NEXT:         left: Name load 'a' <15:11-15:12>
# CHECK-NEXT:         right: Constant int 1 <15:15-15:16>
# CHECK-NEXT:     right: Constant int 2 <15:20-15:21>
# CHECK-NEXT:   targets:
# CHECK-NEXT:     Name store 'x' <15:1-15:2>
# CHECK:      Expr <16:1-16:12>
# CHECK-NEXT:   value: Attribute load 'e' <16:1-16:12>
# CHECK-NEXT:     value: Call <16:1-16:10>
# CHECK-NEXT:       func: Subscript load <16:1-16:7>
# CHECK-NEXT:         value: Attribute load 'b' <16:1-16:4>
# CHECK-NEXT:           value: Name load 'a' <16:1-16:2>
# CHECK-NEXT:         slice: Name load 'c' <16:5-16:6>
# CHECK-NEXT:       args:
# CHECK-NEXT:         Name load 'd'{{( parenthesized)?}} <16:8-16:9>
# CHECK:      Assign <17:1-17:22>
# CHECK-NEXT:   value: UnaryOp - <17:10-17:22>
# CHECK-NEXT:     operand: BinOp ** <17:11-17:22>
# CHECK-NEXT:       left: Attribute load 'b' <17:11-17:14>
# CHECK-NEXT:         value: Name load 'a' <17:11-17:12>
# CHECK-NEXT:       right: Subscript load <17:18-17:22>
# CHECK-NEXT:         value: Name load 'c' <17:18-17:19>
# CHECK-NEXT:         slice: Name load 'd' <17:20-17:21>
# CHECK-NEXT:   targets:
# CHECK-NEXT:     Name store 'await_' <17:1-17:7>

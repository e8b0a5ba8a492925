# RUN: %taipan compile --emit=ast %s | FileCheck %s
# Comparisons: a chain is one Compare with one operator per comparator;
# parentheses make nested Compares, whose operators must not leak into the
# enclosing chain. Expected trees: CPython 3.11's ast.parse() of this file.
a < b
a < b < c
a == b != c is d is not e in f not in g
not a < b
a < (b < c)
(a < b) < c
a == f(b > c) == d
(x <= y) == (x >= z) == w
a < b | c
# CHECK:      Expr <5:1-5:6>
# CHECK-NEXT:   value: Compare ops=[<] <5:1-5:6>
# CHECK-NEXT:     left: Name load 'a' <5:1-5:2>
# CHECK-NEXT:     comparators:
# CHECK-NEXT:       Name load 'b' <5:5-5:6>
# CHECK:      Expr <6:1-6:10>
# CHECK-NEXT:   value: Compare ops=[<, <] <6:1-6:10>
# CHECK-NEXT:     left: Name load 'a' <6:1-6:2>
# CHECK-NEXT:     comparators:
# CHECK-NEXT:       Name load 'b' <6:5-6:6>
# CHECK-NEXT:       Name load 'c' <6:9-6:10>
# CHECK:      Expr <7:1-7:40>
# CHECK-NEXT:   value: Compare ops=[==, !=, is, is not, in, not in] <7:1-7:40>
# CHECK-NEXT:     left: Name load 'a' <7:1-7:2>
# CHECK-NEXT:     comparators:
# CHECK-NEXT:       Name load 'b' <7:6-7:7>
# CHECK-NEXT:       Name load 'c' <7:11-7:12>
# CHECK-NEXT:       Name load 'd' <7:16-7:17>
# CHECK-NEXT:       Name load 'e' <7:25-7:26>
# CHECK-NEXT:       Name load 'f' <7:30-7:31>
# CHECK-NEXT:       Name load 'g' <7:39-7:40>
# CHECK:      Expr <8:1-8:10>
# CHECK-NEXT:   value: UnaryOp not <8:1-8:10>
# CHECK-NEXT:     operand: Compare ops=[<] <8:5-8:10>
# CHECK-NEXT:       left: Name load 'a' <8:5-8:6>
# CHECK-NEXT:       comparators:
# CHECK-NEXT:         Name load 'b' <8:9-8:10>
# CHECK:      Expr <9:1-9:12>
# CHECK-NEXT:   value: Compare ops=[<] <9:1-9:12>
# CHECK-NEXT:     left: Name load 'a' <9:1-9:2>
# CHECK-NEXT:     comparators:
# CHECK-NEXT:       Compare ops=[<]{{( parenthesized)?}} <9:6-9:11>
# CHECK-NEXT:         left: Name load 'b' <9:6-9:7>
# CHECK-NEXT:         comparators:
# CHECK-NEXT:           Name load 'c' <9:10-9:11>
# CHECK:      Expr <10:1-10:12>
# CHECK-NEXT:   value: Compare ops=[<] <10:1-10:12>
# CHECK-NEXT:     left: Compare ops=[<]{{( parenthesized)?}} <10:2-10:7>
# CHECK-NEXT:       left: Name load 'a' <10:2-10:3>
# CHECK-NEXT:       comparators:
# CHECK-NEXT:         Name load 'b' <10:6-10:7>
# CHECK-NEXT:     comparators:
# CHECK-NEXT:       Name load 'c' <10:11-10:12>
# CHECK:      Expr <11:1-11:19>
# CHECK-NEXT:   value: Compare ops=[==, ==] <11:1-11:19>
# CHECK-NEXT:     left: Name load 'a' <11:1-11:2>
# CHECK-NEXT:     comparators:
# CHECK-NEXT:       Call <11:6-11:14>
# CHECK-NEXT:         func: Name load 'f' <11:6-11:7>
# CHECK-NEXT:         args:
# CHECK-NEXT:           Compare ops=[>]{{( parenthesized)?}} <11:8-11:13>
# CHECK-NEXT:             left: Name load 'b' <11:8-11:9>
# CHECK-NEXT:             comparators:
# CHECK-NEXT:               Name load 'c' <11:12-11:13>
# CHECK-NEXT:       Name load 'd' <11:18-11:19>
# CHECK:      Expr <12:1-12:26>
# CHECK-NEXT:   value: Compare ops=[==, ==] <12:1-12:26>
# CHECK-NEXT:     left: Compare ops=[<=]{{( parenthesized)?}} <12:2-12:8>
# CHECK-NEXT:       left: Name load 'x' <12:2-12:3>
# CHECK-NEXT:       comparators:
# CHECK-NEXT:         Name load 'y' <12:7-12:8>
# CHECK-NEXT:     comparators:
# CHECK-NEXT:       Compare ops=[>=]{{( parenthesized)?}} <12:14-12:20>
# CHECK-NEXT:         left: Name load 'x' <12:14-12:15>
# CHECK-NEXT:         comparators:
# CHECK-NEXT:           Name load 'z' <12:19-12:20>
# CHECK-NEXT:       Name load 'w' <12:25-12:26>
# CHECK:      Expr <13:1-13:10>
# CHECK-NEXT:   value: Compare ops=[<] <13:1-13:10>
# CHECK-NEXT:     left: Name load 'a' <13:1-13:2>
# CHECK-NEXT:     comparators:
# CHECK-NEXT:       BinOp | <13:5-13:10>
# CHECK-NEXT:         left: Name load 'b' <13:5-13:6>
# CHECK-NEXT:         right: Name load 'c' <13:9-13:10>

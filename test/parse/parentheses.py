# RUN: %taipan compile --emit=ast %s | FileCheck %s
# Parentheses do not make nodes, and an expression's range does not include
# them, except for the tuple's and the generator expression's own
# parentheses (the innermost pair). Expected trees: CPython 3.11's
# ast.parse() of this file.
(a)
(a).b
(a)(b)
((a))
(a, b)
((a, b))
((x for x in y))
x = (1 +
     2)
def f():
    (yield)
# CHECK:      Expr <6:1-6:4>
# CHECK-NEXT:   value: Name load 'a'{{( parenthesized)?}} <6:2-6:3>
# CHECK:      Expr <7:1-7:6>
# CHECK-NEXT:   value: Attribute load 'b' <7:1-7:6>
# CHECK-NEXT:     value: Name load 'a'{{( parenthesized)?}} <7:2-7:3>
# CHECK:      Expr <8:1-8:7>
# CHECK-NEXT:   value: Call <8:1-8:7>
# CHECK-NEXT:     func: Name load 'a'{{( parenthesized)?}} <8:2-8:3>
# CHECK-NEXT:     args:
# CHECK-NEXT:       Name load 'b'{{( parenthesized)?}} <8:5-8:6>
# CHECK:      Expr <9:1-9:6>
# CHECK-NEXT:   value: Name load 'a'{{( parenthesized)?}} <9:3-9:4>
# CHECK:      Expr <10:1-10:7>
# CHECK-NEXT:   value: Tuple load{{( parenthesized)?}} <10:1-10:7>
# CHECK-NEXT:     elts:
# CHECK-NEXT:       Name load 'a'{{( parenthesized)?}} <10:2-10:3>
# CHECK-NEXT:       Name load 'b' <10:5-10:6>
# CHECK:      Expr <11:1-11:9>
# CHECK-NEXT:   value: Tuple load{{( parenthesized)?}} <11:2-11:8>
# CHECK-NEXT:     elts:
# CHECK-NEXT:       Name load 'a'{{( parenthesized)?}} <11:3-11:4>
# CHECK-NEXT:       Name load 'b' <11:6-11:7>
# CHECK:      Expr <12:1-12:17>
# CHECK-NEXT:   value: GeneratorExp{{( parenthesized)?}} <12:2-12:16>
# CHECK-NEXT:     elt: Name load 'x'{{( parenthesized)?}} <12:3-12:4>
# CHECK-NEXT:     generators:
# CHECK-NEXT:       Comprehension <{{[0-9:-]+}}>
# CHECK-NEXT:         target: Name store 'x' <12:9-12:10>
# CHECK-NEXT:         iter: Name load 'y' <12:14-12:15>
# CHECK:      Assign <13:1-14:8>
# CHECK-NEXT:   value: BinOp +{{( parenthesized)?}} <13:6-14:7>
# CHECK-NEXT:     left: Constant int 1 <13:6-13:7>
# CHECK-NEXT:     right: Constant int 2 <14:6-14:7>
# CHECK-NEXT:   targets:
# CHECK-NEXT:     Name store 'x' <13:1-13:2>
# CHECK:      FunctionDef 'f' <15:1-16:12>
# CHECK-NEXT:   args: Arguments <{{[0-9:-]+}}>
# CHECK-NEXT:   body:
# CHECK-NEXT:     Expr <16:5-16:12>
# CHECK-NEXT:       value: Yield{{( parenthesized)?}} <16:6-16:11>

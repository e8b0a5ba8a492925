# RUN: %taipan compile --emit=ast %s | FileCheck %s
# Comprehensions and generator expressions. Expected trees: CPython 3.11's
# ast.parse() of this file (a generator expression that is a call's only
# argument has the call's parentheses as its range).
[x for x in y]
{x for x in y if x if not x}
{k: v for k, v in items for w in v}
(x for x in y)
f((x for x in y), z)
f(x for x in y)
[(a, b) for a in x for b in a]
[y := f(x) for x in z]
async def g():
    return [x async for x in y if await x]
# CHECK:      Expr <5:1-5:15>
# CHECK-NEXT:   value: ListComp <5:1-5:15>
# CHECK-NEXT:     elt: Name load 'x' <5:2-5:3>
# CHECK-NEXT:     generators:
# CHECK-NEXT:       Comprehension <{{[0-9:-]+}}>
# CHECK-NEXT:         target: Name store 'x' <5:8-5:9>
# CHECK-NEXT:         iter: Name load 'y' <5:13-5:14>
# CHECK:      Expr <6:1-6:29>
# CHECK-NEXT:   value: SetComp <6:1-6:29>
# CHECK-NEXT:     elt: Name load 'x' <6:2-6:3>
# CHECK-NEXT:     generators:
# CHECK-NEXT:       Comprehension <{{[0-9:-]+}}>
# CHECK-NEXT:         target: Name store 'x' <6:8-6:9>
# CHECK-NEXT:         iter: Name load 'y' <6:13-6:14>
# CHECK-NEXT:         ifs:
# CHECK-NEXT:           Name load 'x' <6:18-6:19>
# CHECK-NEXT:           UnaryOp not <6:23-6:28>
# CHECK-NEXT:             operand: Name load 'x' <6:27-6:28>
# CHECK:      Expr <7:1-7:36>
# CHECK-NEXT:   value: DictComp <7:1-7:36>
# CHECK-NEXT:     key: Name load 'k' <7:2-7:3>
# CHECK-NEXT:     value: Name load 'v' <7:5-7:6>
# CHECK-NEXT:     generators:
# CHECK-NEXT:       Comprehension <{{[0-9:-]+}}>
# CHECK-NEXT:         target: Tuple store <7:11-7:15>
# CHECK-NEXT:           elts:
# CHECK-NEXT:             Name store 'k' <7:11-7:12>
# CHECK-NEXT:             Name store 'v' <7:14-7:15>
# CHECK-NEXT:         iter: Name load 'items' <7:19-7:24>
# CHECK-NEXT:       Comprehension <{{[0-9:-]+}}>
# CHECK-NEXT:         target: Name store 'w' <7:29-7:30>
# CHECK-NEXT:         iter: Name load 'v' <7:34-7:35>
# CHECK:      Expr <8:1-8:15>
# CHECK-NEXT:   value: GeneratorExp{{( parenthesized)?}} <8:1-8:15>
# CHECK-NEXT:     elt: Name load 'x'{{( parenthesized)?}} <8:2-8:3>
# CHECK-NEXT:     generators:
# CHECK-NEXT:       Comprehension <{{[0-9:-]+}}>
# CHECK-NEXT:         target: Name store 'x' <8:8-8:9>
# CHECK-NEXT:         iter: Name load 'y' <8:13-8:14>
# CHECK:      Expr <9:1-9:21>
# CHECK-NEXT:   value: Call <9:1-9:21>
# CHECK-NEXT:     func: Name load 'f' <9:1-9:2>
# CHECK-NEXT:     args:
# CHECK-NEXT:       GeneratorExp{{( parenthesized)?}} <9:3-9:17>
# CHECK-NEXT:         elt: Name load 'x'{{( parenthesized)?}} <9:4-9:5>
# CHECK-NEXT:         generators:
# CHECK-NEXT:           Comprehension <{{[0-9:-]+}}>
# CHECK-NEXT:             target: Name store 'x' <9:10-9:11>
# CHECK-NEXT:             iter: Name load 'y' <9:15-9:16>
# CHECK-NEXT:       Name load 'z' <9:19-9:20>
# CHECK:      Expr <10:1-10:16>
# CHECK-NEXT:   value: Call <10:1-10:16>
# CHECK-NEXT:     func: Name load 'f' <10:1-10:2>
# CHECK-NEXT:     args:
# CHECK-NEXT:       GeneratorExp{{( parenthesized)?}} <10:2-10:16>
# CHECK-NEXT:         elt: Name load 'x'{{( parenthesized)?}} <10:3-10:4>
# CHECK-NEXT:         generators:
# CHECK-NEXT:           Comprehension <{{[0-9:-]+}}>
# CHECK-NEXT:             target: Name store 'x' <10:9-10:10>
# CHECK-NEXT:             iter: Name load 'y' <10:14-10:15>
# CHECK:      Expr <11:1-11:31>
# CHECK-NEXT:   value: ListComp <11:1-11:31>
# CHECK-NEXT:     elt: Tuple load{{( parenthesized)?}} <11:2-11:8>
# CHECK-NEXT:       elts:
# CHECK-NEXT:         Name load 'a'{{( parenthesized)?}} <11:3-11:4>
# CHECK-NEXT:         Name load 'b' <11:6-11:7>
# CHECK-NEXT:     generators:
# CHECK-NEXT:       Comprehension <{{[0-9:-]+}}>
# CHECK-NEXT:         target: Name store 'a' <11:13-11:14>
# CHECK-NEXT:         iter: Name load 'x' <11:18-11:19>
# CHECK-NEXT:       Comprehension <{{[0-9:-]+}}>
# CHECK-NEXT:         target: Name store 'b' <11:24-11:25>
# CHECK-NEXT:         iter: Name load 'a' <11:29-11:30>
# CHECK:      Expr <12:1-12:23>
# CHECK-NEXT:   value: ListComp <12:1-12:23>
# CHECK-NEXT:     elt: NamedExpr <12:2-12:11>
# CHECK-NEXT:       target: Name store 'y' <12:2-12:3>
# CHECK-NEXT:       value: Call <12:7-12:11>
# CHECK-NEXT:         func: Name load 'f' <12:7-12:8>
# CHECK-NEXT:         args:
# CHECK-NEXT:           Name load 'x'{{( parenthesized)?}} <12:9-12:10>
# CHECK-NEXT:     generators:
# CHECK-NEXT:       Comprehension <{{[0-9:-]+}}>
# CHECK-NEXT:         target: Name store 'x' <12:16-12:17>
# CHECK-NEXT:         iter: Name load 'z' <12:21-12:22>
# CHECK:      FunctionDef 'g' async <13:1-14:43>
# CHECK-NEXT:   args: Arguments <{{[0-9:-]+}}>
# CHECK-NEXT:   body:
# CHECK-NEXT:     Return <14:5-14:43>
# CHECK-NEXT:       value: ListComp <14:12-14:43>
# CHECK-NEXT:         elt: Name load 'x' <14:13-14:14>
# CHECK-NEXT:         generators:
# CHECK-NEXT:           Comprehension async <{{[0-9:-]+}}>
# CHECK-NEXT:             target: Name store 'x' <14:25-14:26>
# CHECK-NEXT:             iter: Name load 'y' <14:30-14:31>
# CHECK-NEXT:             ifs:
# CHECK-NEXT:               Await <14:35-14:42>
# CHECK-NEXT:                 value: Name load 'x' <14:41-14:42>

# RUN: %taipan compile --emit=ast %s | FileCheck %s
# Parameters: one Arguments node; one Arg per parameter in source order with
# its kind, annotation and default. Expected trees: CPython 3.11's
# ast.parse() of this file (an Arg's range runs on over its default in
# Taipan, so only its start is checked when it has one).
def f(a, b=1, /, c=2, *args, d, e=3, **kwargs): pass
def g(a: int, *, b: str = "x") -> bool: pass
def h(*, a): pass
def i(a, /): pass
def j(*args: int, **kw: "v"): pass
lambda: 0
lambda a, *b, c=1, **d: 0
lambda *, a=(1): a
# CHECK:      FunctionDef 'f' <6:1-6:53>
# CHECK-NEXT:   args: Arguments <{{[0-9:-]+}}>
# CHECK-NEXT:     params:
# CHECK-NEXT:       Arg positional-only 'a' <6:7-6:8>
# CHECK-NEXT:       Arg positional-only 'b' <6:10-{{[0-9:]+}}>
# CHECK-NEXT:         default: Constant int 1 <6:12-6:13>
# CHECK-NEXT:       Arg normal 'c' <6:18-{{[0-9:]+}}>
# CHECK-NEXT:         default: Constant int 2 <6:20-6:21>
# CHECK-NEXT:       Arg *args 'args' <6:24-6:28>
# CHECK-NEXT:       Arg keyword-only 'd' <6:30-6:31>
# CHECK-NEXT:       Arg keyword-only 'e' <6:33-{{[0-9:]+}}>
# CHECK-NEXT:         default: Constant int 3 <6:35-6:36>
# CHECK-NEXT:       Arg **kwargs 'kwargs' <6:40-6:46>
# CHECK-NEXT:   body:
# CHECK-NEXT:     Pass <6:49-6:53>
# CHECK:      FunctionDef 'g' <7:1-7:45>
# CHECK-NEXT:   args: Arguments <{{[0-9:-]+}}>
# CHECK-NEXT:     params:
# CHECK-NEXT:       Arg normal 'a' <7:7-7:13>
# CHECK-NEXT:         annotation: Name load 'int' <7:10-7:13>
# CHECK-NEXT:       Arg keyword-only 'b' <7:18-{{[0-9:]+}}>
# CHECK-NEXT:         annotation: Name load 'str' <7:21-7:24>
# CHECK-NEXT:         default: Constant str "x" <7:27-7:30>
# CHECK-NEXT:   returns: Name load 'bool' <7:35-7:39>
# CHECK-NEXT:   body:
# CHECK-NEXT:     Pass <7:41-7:45>
# CHECK:      FunctionDef 'h' <8:1-8:18>
# CHECK-NEXT:   args: Arguments <{{[0-9:-]+}}>
# CHECK-NEXT:     params:
# CHECK-NEXT:       Arg keyword-only 'a' <8:10-8:11>
# CHECK-NEXT:   body:
# CHECK-NEXT:     Pass <8:14-8:18>
# CHECK:      FunctionDef 'i' <9:1-9:18>
# CHECK-NEXT:   args: Arguments <{{[0-9:-]+}}>
# CHECK-NEXT:     params:
# CHECK-NEXT:       Arg positional-only 'a' <9:7-9:8>
# CHECK-NEXT:   body:
# CHECK-NEXT:     Pass <9:14-9:18>
# CHECK:      FunctionDef 'j' <10:1-10:35>
# CHECK-NEXT:   args: Arguments <{{[0-9:-]+}}>
# CHECK-NEXT:     params:
# CHECK-NEXT:       Arg *args 'args' <10:8-10:17>
# CHECK-NEXT:         annotation: Name load 'int' <10:14-10:17>
# CHECK-NEXT:       Arg **kwargs 'kw' <10:21-10:28>
# CHECK-NEXT:         annotation: Constant str "v" <10:25-10:28>
# CHECK-NEXT:   body:
# CHECK-NEXT:     Pass <10:31-10:35>
# CHECK:      Expr <11:1-11:10>
# CHECK-NEXT:   value: Lambda <11:1-11:10>
# CHECK-NEXT:     args: Arguments <{{[0-9:-]+}}>
# CHECK-NEXT:     body: Constant int 0 <11:9-11:10>
# CHECK:      Expr <12:1-12:26>
# CHECK-NEXT:   value: Lambda <12:1-12:26>
# CHECK-NEXT:     args: Arguments <{{[0-9:-]+}}>
# CHECK-NEXT:       params:
# CHECK-NEXT:         Arg normal 'a' <12:8-12:9>
# CHECK-NEXT:         Arg *args 'b' <12:12-12:13>
# CHECK-NEXT:         Arg keyword-only 'c' <12:15-{{[0-9:]+}}>
# CHECK-NEXT:           default: Constant int 1 <12:17-12:18>
# CHECK-NEXT:         Arg **kwargs 'd' <12:22-12:23>
# CHECK-NEXT:     body: Constant int 0 <12:25-12:26>
# CHECK:      Expr <13:1-13:19>
# CHECK-NEXT:   value: Lambda <13:1-13:19>
# CHECK-NEXT:     args: Arguments <{{[0-9:-]+}}>
# CHECK-NEXT:       params:
# CHECK-NEXT:         Arg keyword-only 'a' <13:11-{{[0-9:]+}}>
# CHECK-NEXT:           default: Constant int 1{{( parenthesized)?}} <13:14-13:15>
# CHECK-NEXT:     body: Name load 'a' <13:18-13:19>

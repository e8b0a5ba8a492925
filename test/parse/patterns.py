# RUN: %taipan compile --emit=ast %s | FileCheck %s
# match statements and patterns. Expected trees: CPython 3.11's ast.parse()
# of this file (MatchCase and MatchKeyword have no CPython range).
match x:
    case [1, 2, *_]: pass
    case {1: x, "a": [y], **r}: pass
    case A.B(x=1, y=(z)): pass
    case -1 | 1+2j | -1-2j | None | True: pass
    case (x as y) | [x as y]: pass
    case a, *b: pass
    case (): pass
    case A(1, b=c): pass
    case {}: pass
    case "a" "b": pass
    case f.g: pass
    case _ if x: pass
    case (1 | 2) as z: pass
# CHECK:      Match <4:1-17:28>
# CHECK-NEXT:   subject: Name load 'x' <4:7-4:8>
# CHECK-NEXT:   cases:
# CHECK-NEXT:     MatchCase <{{[0-9:-]+}}>
# CHECK-NEXT:       pattern: MatchSequence <5:10-5:20>
# CHECK-NEXT:         patterns:
# CHECK-NEXT:           MatchValue <5:11-5:12>
# CHECK-NEXT:             value: Constant int 1 <5:11-5:12>
# CHECK-NEXT:           MatchValue <5:14-5:15>
# CHECK-NEXT:             value: Constant int 2 <5:14-5:15>
# CHECK-NEXT:           MatchStar <5:17-5:19>
# CHECK-NEXT:       body:
# CHECK-NEXT:         Pass <5:22-5:26>
# CHECK-NEXT:     MatchCase <{{[0-9:-]+}}>
# CHECK-NEXT:       pattern: MatchMapping 'r' <6:10-6:31>
# CHECK-NEXT:         keys:
# CHECK-NEXT:           Constant int 1 <6:11-6:12>
# CHECK-NEXT:           Constant str "a" <6:17-6:20>
# CHECK-NEXT:         patterns:
# CHECK-NEXT:           MatchAs 'x' <6:14-6:15>
# CHECK-NEXT:           MatchSequence <6:22-6:25>
# CHECK-NEXT:             patterns:
# CHECK-NEXT:               MatchAs 'y' <6:23-6:24>
# CHECK-NEXT:       body:
# CHECK-NEXT:         Pass <6:33-6:37>
# CHECK-NEXT:     MatchCase <{{[0-9:-]+}}>
# CHECK-NEXT:       pattern: MatchClass <7:10-7:25>
# CHECK-NEXT:         cls: Attribute load 'B' <7:10-7:13>
# CHECK-NEXT:           value: Name load 'A' <7:10-7:11>
# CHECK-NEXT:         kwd_patterns:
# CHECK-NEXT:           MatchKeyword 'x' <{{[0-9:-]+}}>
# CHECK-NEXT:             pattern: MatchValue <7:16-7:17>
# CHECK-NEXT:               value: Constant int 1 <7:16-7:17>
# CHECK-NEXT:           MatchKeyword 'y' <{{[0-9:-]+}}>
# CHECK-NEXT:             pattern: MatchAs 'z' <7:22-7:23>
# CHECK-NEXT:       body:
# CHECK-NEXT:         Pass <7:27-7:31>
# CHECK-NEXT:     MatchCase <{{[0-9:-]+}}>
# CHECK-NEXT:       pattern: MatchOr <8:10-8:41>
# CHECK-NEXT:         patterns:
# CHECK-NEXT:           MatchValue <8:10-8:12>
# CHECK-NEXT:             value: UnaryOp - <8:10-8:12>
# CHECK-NEXT:               operand: Constant int 1 <8:11-8:12>
# CHECK-NEXT:           MatchValue <8:15-8:19>
# CHECK-NEXT:             value: BinOp + <8:15-8:19>
# CHECK-NEXT:               left: Constant int 1 <8:15-8:16>
# CHECK-NEXT:               right: Constant imaginary 2 <8:17-8:19>
# CHECK-NEXT:           MatchValue <8:22-8:27>
# CHECK-NEXT:             value: BinOp - <8:22-8:27>
# CHECK-NEXT:               left: UnaryOp - <8:22-8:24>
# CHECK-NEXT:                 operand: Constant int 1 <8:23-8:24>
# CHECK-NEXT:               right: Constant imaginary 2 <8:25-8:27>
# CHECK-NEXT:           MatchSingleton None <8:30-8:34>
# CHECK-NEXT:           MatchSingleton True <8:37-8:41>
# CHECK-NEXT:       body:
# CHECK-NEXT:         Pass <8:43-8:47>
# CHECK-NEXT:     MatchCase <{{[0-9:-]+}}>
# CHECK-NEXT:       pattern: MatchOr <9:10-9:29>
# CHECK-NEXT:         patterns:
# CHECK-NEXT:           MatchAs 'y' <9:11-9:17>
# CHECK-NEXT:             pattern: MatchAs 'x' <9:11-9:12>
# CHECK-NEXT:           MatchSequence <9:21-9:29>
# CHECK-NEXT:             patterns:
# CHECK-NEXT:               MatchAs 'y' <9:22-9:28>
# CHECK-NEXT:                 pattern: MatchAs 'x' <9:22-9:23>
# CHECK-NEXT:       body:
# CHECK-NEXT:         Pass <9:31-9:35>
# CHECK-NEXT:     MatchCase <{{[0-9:-]+}}>
# CHECK-NEXT:       pattern: MatchSequence <10:10-10:15>
# CHECK-NEXT:         patterns:
# CHECK-NEXT:           MatchAs 'a' <10:10-10:11>
# CHECK-NEXT:           MatchStar 'b' <10:13-10:15>
# CHECK-NEXT:       body:
# CHECK-NEXT:         Pass <10:17-10:21>
# CHECK-NEXT:     MatchCase <{{[0-9:-]+}}>
# CHECK-NEXT:       pattern: MatchSequence <11:10-11:12>
# CHECK-NEXT:       body:
# CHECK-NEXT:         Pass <11:14-11:18>
# CHECK-NEXT:     MatchCase <{{[0-9:-]+}}>
# CHECK-NEXT:       pattern: MatchClass <12:10-12:19>
# CHECK-NEXT:         cls: Name load 'A' <12:10-12:11>
# CHECK-NEXT:         patterns:
# CHECK-NEXT:           MatchValue <12:12-12:13>
# CHECK-NEXT:             value: Constant int 1{{( parenthesized)?}} <12:12-12:13>
# CHECK-NEXT:         kwd_patterns:
# CHECK-NEXT:           MatchKeyword 'b' <{{[0-9:-]+}}>
# CHECK-NEXT:             pattern: MatchAs 'c' <12:17-12:18>
# CHECK-NEXT:       body:
# CHECK-NEXT:         Pass <12:21-12:25>
# CHECK-NEXT:     MatchCase <{{[0-9:-]+}}>
# CHECK-NEXT:       pattern: MatchMapping <13:10-13:12>
# CHECK-NEXT:       body:
# CHECK-NEXT:         Pass <13:14-13:18>
# CHECK-NEXT:     MatchCase <{{[0-9:-]+}}>
# CHECK-NEXT:       pattern: MatchValue <14:10-14:17>
# CHECK-NEXT:         value: Constant str "ab" <14:10-14:17>
# CHECK-NEXT:       body:
# CHECK-NEXT:         Pass <14:19-14:23>
# CHECK-NEXT:     MatchCase <{{[0-9:-]+}}>
# CHECK-NEXT:       pattern: MatchValue <15:10-15:13>
# CHECK-NEXT:         value: Attribute load 'g' <15:10-15:13>
# CHECK-NEXT:           value: Name load 'f' <15:10-15:11>
# CHECK-NEXT:       body:
# CHECK-NEXT:         Pass <15:15-15:19>
# CHECK-NEXT:     MatchCase <{{[0-9:-]+}}>
# CHECK-NEXT:       pattern: MatchAs <16:10-16:11>
# CHECK-NEXT:       guard: Name load 'x' <16:15-16:16>
# CHECK-NEXT:       body:
# CHECK-NEXT:         Pass <16:18-16:22>
# CHECK-NEXT:     MatchCase <{{[0-9:-]+}}>
# CHECK-NEXT:       pattern: MatchAs 'z' <17:10-17:22>
# CHECK-NEXT:         pattern: MatchOr <17:11-17:16>
# CHECK-NEXT:           patterns:
# CHECK-NEXT:             MatchValue <17:11-17:12>
# CHECK-NEXT:               value: Constant int 1{{( parenthesized)?}} <17:11-17:12>
# CHECK-NEXT:             MatchValue <17:15-17:16>
# CHECK-NEXT:               value: Constant int 2 <17:15-17:16>
# CHECK-NEXT:       body:
# CHECK-NEXT:         Pass <17:24-17:28>

# RUN: %taipan compile --emit=ast %s | FileCheck %s
# f-strings: literal parts, replacement fields, conversions, nested format
# specs, '=' (CPython 3.11 puts the field's text in a Constant before the
# FormattedValue; Taipan prints it as debug="..."), implicit concatenation.
# Expected trees: CPython 3.11's ast.parse() of this file; CPython 3.11
# gives f-string parts the whole literal's range, so those are not checked.
f"a{x}b"
f"{x!r:>{width}}"
f"{x:{y}.{z}f}"
f"{x=}" f"{y = !s}"
f"c{z=:>3}"
"a" f"b{c}" "d" f"{e}"
f"{f'{x}'}"
f""
f"{{}}{x}"
f"""{
a + b}"""
# CHECK:      Expr <7:1-7:9>
# CHECK-NEXT:   value: JoinedStr <7:1-7:9>
# CHECK-NEXT:     values:
# CHECK-NEXT:       Constant str "a" <{{[0-9:-]+}}>
# CHECK-NEXT:       FormattedValue <{{[0-9:-]+}}>
# CHECK-NEXT:         value: Name load 'x' <7:5-7:6>
# CHECK-NEXT:       Constant str "b" <{{[0-9:-]+}}>
# CHECK:      Expr <8:1-8:18>
# CHECK-NEXT:   value: JoinedStr <8:1-8:18>
# CHECK-NEXT:     values:
# CHECK-NEXT:       FormattedValue !r <{{[0-9:-]+}}>
# CHECK-NEXT:         value: Name load 'x' <8:4-8:5>
# CHECK-NEXT:         format_spec: JoinedStr <{{[0-9:-]+}}>
# CHECK-NEXT:           values:
# CHECK-NEXT:             Constant str ">" <{{[0-9:-]+}}>
# CHECK-NEXT:             FormattedValue <{{[0-9:-]+}}>
# CHECK-NEXT:               value: Name load 'width' <8:10-8:15>
# CHECK:      Expr <9:1-9:16>
# CHECK-NEXT:   value: JoinedStr <9:1-9:16>
# CHECK-NEXT:     values:
# CHECK-NEXT:       FormattedValue <{{[0-9:-]+}}>
# CHECK-NEXT:         value: Name load 'x' <9:4-9:5>
# CHECK-NEXT:         format_spec: JoinedStr <{{[0-9:-]+}}>
# CHECK-NEXT:           values:
# CHECK-NEXT:             FormattedValue <{{[0-9:-]+}}>
# CHECK-NEXT:               value: Name load 'y' <9:7-9:8>
# CHECK-NEXT:             Constant str "." <{{[0-9:-]+}}>
# CHECK-NEXT:             FormattedValue <{{[0-9:-]+}}>
# CHECK-NEXT:               value: Name load 'z' <9:11-9:12>
# CHECK-NEXT:             Constant str "f" <{{[0-9:-]+}}>
# CHECK:      Expr <10:1-10:20>
# CHECK-NEXT:   value: JoinedStr <10:1-10:20>
# CHECK-NEXT:     values:
# CHECK-NEXT:       FormattedValue !r debug="x=" <{{[0-9:-]+}}>
# CHECK-NEXT:         value: Name load 'x' <10:4-10:5>
# CHECK-NEXT:       FormattedValue !s debug="y = " <{{[0-9:-]+}}>
# CHECK-NEXT:         value: Name load 'y' <10:12-10:13>
# CHECK:      Expr <11:1-11:12>
# CHECK-NEXT:   value: JoinedStr <11:1-11:12>
# CHECK-NEXT:     values:
# CHECK-NEXT:       Constant str "c" <{{[0-9:-]+}}>
# CHECK-NEXT:       FormattedValue debug="z=" <{{[0-9:-]+}}>
# CHECK-NEXT:         value: Name load 'z' <11:5-11:6>
# CHECK-NEXT:         format_spec: JoinedStr <{{[0-9:-]+}}>
# CHECK-NEXT:           values:
# CHECK-NEXT:             Constant str ">3" <{{[0-9:-]+}}>
# CHECK:      Expr <12:1-12:23>
# CHECK-NEXT:   value: JoinedStr <12:1-12:23>
# CHECK-NEXT:     values:
# CHECK-NEXT:       Constant str "ab" <{{[0-9:-]+}}>
# CHECK-NEXT:       FormattedValue <{{[0-9:-]+}}>
# CHECK-NEXT:         value: Name load 'c' <12:9-12:10>
# CHECK-NEXT:       Constant str "d" <{{[0-9:-]+}}>
# CHECK-NEXT:       FormattedValue <{{[0-9:-]+}}>
# CHECK-NEXT:         value: Name load 'e' <12:20-12:21>
# CHECK:      Expr <13:1-13:12>
# CHECK-NEXT:   value: JoinedStr <13:1-13:12>
# CHECK-NEXT:     values:
# CHECK-NEXT:       FormattedValue <{{[0-9:-]+}}>
# CHECK-NEXT:         value: JoinedStr <13:4-13:10>
# CHECK-NEXT:           values:
# CHECK-NEXT:             FormattedValue <{{[0-9:-]+}}>
# CHECK-NEXT:               value: Name load 'x' <13:7-13:8>
# CHECK:      Expr <14:1-14:4>
# CHECK-NEXT:   value: JoinedStr <14:1-14:4>
# CHECK:      Expr <15:1-15:11>
# CHECK-NEXT:   value: JoinedStr <15:1-15:11>
# CHECK-NEXT:     values:
# CHECK-NEXT:       Constant str "{}" <{{[0-9:-]+}}>
# CHECK-NEXT:       FormattedValue <{{[0-9:-]+}}>
# CHECK-NEXT:         value: Name load 'x' <15:8-15:9>
# CHECK:      Expr <16:1-17:10>
# CHECK-NEXT:   value: JoinedStr <16:1-17:10>
# CHECK-NEXT:     values:
# CHECK-NEXT:       FormattedValue <{{[0-9:-]+}}>
# CHECK-NEXT:         value: BinOp + <17:1-17:6>
# CHECK-NEXT:           left: Name load 'a' <17:1-17:2>
# CHECK-NEXT:           right: Name load 'b' <17:5-17:6>

# RUN: %taipan compile --emit=ast %s | FileCheck %s
# Identifiers are NFKC-normalized (PEP 3131), and columns count characters,
# not bytes. Expected trees: CPython 3.11's ast.parse() of this file.
ｘ = µ + ﬁ
a.ｂ(ｋ=1)
é = "é" + ü
# CHECK:      Assign <4:1-4:10>
# CHECK-NEXT:   value: BinOp + <4:5-4:10>
# CHECK-NEXT:     left: Name load 'μ' <4:5-4:6>
# CHECK-NEXT:     right: Name load 'fi' <4:9-4:10>
# CHECK-NEXT:   targets:
# CHECK-NEXT:     Name store 'x' <4:1-4:2>
# CHECK:      Expr <5:1-5:9>
# CHECK-NEXT:   value: Call <5:1-5:9>
# CHECK-NEXT:     func: Attribute load 'b' <5:1-5:4>
# CHECK-NEXT:       value: Name load 'a' <5:1-5:2>
# CHECK-NEXT:     keywords:
# CHECK-NEXT:       Keyword 'k' <5:5-5:8>
# CHECK-NEXT:         value: Constant int 1 <5:7-5:8>
# CHECK:      Assign <6:1-6:12>
# CHECK-NEXT:   value: BinOp + <6:5-6:12>
# CHECK-NEXT:     left: Constant str "é" <6:5-6:8>
# CHECK-NEXT:     right: Name load 'ü' <6:11-6:12>
# CHECK-NEXT:   targets:
# CHECK-NEXT:     Name store 'é' <6:1-6:2>

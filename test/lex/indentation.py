# RUN: %taipan compile --emit=tokens %s | FileCheck %s
# A tab counts to the next multiple of 8 columns, and the same lines measured
# with a tab as one column must order the same way (see tab-error.py).
if a:
	if b:
	        x = 1

	y = 2
z = 3
# CHECK:      4:1-4:3 If
# CHECK:      5:2-5:2 Indent
# CHECK-NEXT: 5:2-5:4 If
# CHECK:      6:10-6:10 Indent
# CHECK-NEXT: 6:10-6:11 Name 'x'
# CHECK:      6:15-7:1 Newline
# CHECK-NEXT: 8:2-8:2 Dedent
# CHECK-NEXT: 8:2-8:3 Name 'y'
# CHECK:      9:1-9:1 Dedent
# CHECK-NEXT: 9:1-9:2 Name 'z'

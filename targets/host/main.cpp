// The entry point of host executables (stub until frozen modules land).
#include "runtime/vm.h"

int main(int argc, char** argv) { return 0; }

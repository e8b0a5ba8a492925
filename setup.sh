#!/usr/bin/env bash
# Taipan's set-up, in one script (the README's two quick-start commands):
#   ./setup.sh         install missing packages, build, run the main job on the default example
#   ./setup.sh test    install missing packages, build, run the whole test suite
# Every step is idempotent and quick when nothing changed.
set -euo pipefail
cd "$(dirname "$0")"

readonly BUILD_DIR=${TAIPAN_BUILD_DIR:-build}
readonly LLVM_BIN=/usr/lib/llvm-22/bin
readonly DEFAULT_EXAMPLE=examples/thermostat.py
readonly PACKAGES=(
  cmake ninja-build python3
  clang-22 lld-22 llvm-22 llvm-22-dev llvm-22-tools libclang-rt-22-dev
  libboost-program-options-dev unicode-data libgtest-dev
  qemu-system-arm qemu-system-misc binutils-xtensa-lx106
)

log() { printf '==> %s\n' "$*" >&2; }

missing_packages() {
  local pkg
  for pkg in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q '^install ok installed$' || echo "$pkg"
  done
}

install_packages() {
  local missing
  missing=$(missing_packages)
  [ -z "$missing" ] && return 0
  log "installing:" $missing
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -q
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends $missing
}

configure_and_build() {
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    log "configuring $BUILD_DIR"
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_C_COMPILER="$LLVM_BIN/clang" -DCMAKE_CXX_COMPILER="$LLVM_BIN/clang++"
  fi
  log "building"
  cmake --build "$BUILD_DIR" -j2
}

run_main_job() {
  log "building and running $DEFAULT_EXAMPLE"
  "$BUILD_DIR/taipan" run "$DEFAULT_EXAMPLE"
}

# Sums lit's summary lines such as "  Passed: 149 (100.00%)".
count_lit_results() {
  awk -v re="^ *($1) *:" '$0 ~ re {sub(/^[^:]*: */, ""); n += $1} END {print n + 0}' "$2"
}

# Sums ctest's "N% tests passed, M tests failed out of T".
count_ctest_results() {
  awk -v want="$1" '/tests passed, [0-9]+ tests? failed out of/ {failed = $4; total = $NF}
       END {if (want == "passed") print total - failed; else print failed + 0}' "$2"
}

# lit's and ctest's own summaries are not lines CI can read; end with
# 'tests: N passed, N failed, N skipped' over both.
run_tests() {
  local lit_log="$BUILD_DIR/lit.log" ctest_log="$BUILD_DIR/ctest.log" status=0
  log "running the test suite (lit)"
  "$LLVM_BIN/lit" -sv --time-tests "$BUILD_DIR/test" 2>&1 | tee "$lit_log" || status=$?
  log "running the runtime unit tests (ctest)"
  ctest --test-dir "$BUILD_DIR" --output-on-failure 2>&1 | tee "$ctest_log" || status=$?
  local passed failed skipped
  passed=$(( $(count_lit_results 'Passed' "$lit_log") + $(count_ctest_results passed "$ctest_log") ))
  failed=$(( $(count_lit_results 'Failed|Unexpectedly Passed|Timed Out|Unresolved' "$lit_log") + \
             $(count_ctest_results failed "$ctest_log") ))
  skipped=$(count_lit_results 'Expectedly Failed|Unsupported' "$lit_log")
  echo "tests: $passed passed, $failed failed, $skipped skipped"
  return "$status"
}

main() {
  install_packages
  configure_and_build
  case "${1:-run}" in
    run) run_main_job ;;
    test) run_tests ;;
    *) echo "usage: $0 [run|test]" >&2; exit 2 ;;
  esac
}

main "$@"

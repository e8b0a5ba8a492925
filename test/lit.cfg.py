# lit configuration for Taipan's tests. CMake fills in lit.site.cfg.py with
# this build's paths and then loads this file.
import os
import lit.formats

config.name = "Taipan"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".py", ".test"]
config.excludes = ["Inputs", "seeds", "tools", "lit.cfg.py", "lit.site.cfg.py", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.taipan_obj_root, "test")

# FileCheck, not, split-file and friends come from LLVM 22.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.taipan_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
# Colour and locale must not change what the tests see.
config.environment["TERM"] = "dumb"
config.environment["LC_ALL"] = "C.UTF-8"

config.substitutions.append(("%taipan", os.path.join(config.taipan_tools_dir, "taipan")))
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%tools", os.path.join(config.taipan_src_root, "test", "tools")))
config.substitutions.append(("%srcroot", config.taipan_src_root))
config.substitutions.append(("%objroot", config.taipan_obj_root))

# The corpora the differential tests compare Taipan and CPython on: the
# standard library and installed packages of the Python the tests run with.
import subprocess

def python_path(name):
    code = "import sysconfig; print(sysconfig.get_paths()[%r])" % name
    return subprocess.run([config.python_executable, "-c", code], capture_output=True, text=True).stdout.strip()

def count_python_files(top, limit):
    count = 0
    for root, _dirs, files in os.walk(top):
        count += sum(1 for f in files if f.endswith(".py"))
        if count >= limit:
            break
    return count

config.substitutions.append(("%stdlib", python_path("stdlib")))
site_packages = python_path("purelib")
config.substitutions.append(("%site-packages", site_packages))
if site_packages and count_python_files(site_packages, 100) >= 100:
    config.available_features.add("site-packages")

# The emulators and the Xtensa linker the bare-metal runtime tests need.
import shutil
if all(shutil.which(tool) for tool in ("qemu-system-arm", "qemu-system-xtensa", "xtensa-lx106-elf-ld")):
    config.available_features.add("qemu")

if config.fuzzer_built:
    config.available_features.add("fuzzer")
    config.substitutions.append(("%fuzz-frontend", os.path.join(config.taipan_tools_dir, "taipan-fuzz-frontend")))

# The bytecode backend's tests run once the emitter produces code (probed on
# a one-line module), and the build/run tests once the host runtime
# libraries that `taipan build` links sit next to this build's taipan.
def bytecode_emitter_works():
    taipan = os.path.join(config.taipan_tools_dir, "taipan")
    if not os.path.exists(taipan):
        return False
    probe = os.path.join(config.test_exec_root, "bytecode-probe.py")
    os.makedirs(config.test_exec_root, exist_ok=True)
    with open(probe, "w") as f:
        f.write("x = 1\n")
    result = subprocess.run([taipan, "compile", "--emit=bytecode", probe], capture_output=True, text=True)
    return result.returncode == 0 and "STORE_NAME 'x'" in result.stdout

if bytecode_emitter_works():
    config.available_features.add("bytecode-emitter")
host_libs = os.path.join(config.taipan_tools_dir, "runtime", "x64")
if all(os.path.exists(os.path.join(host_libs, lib)) for lib in ("libtaipan-main.a", "libtaipan-rt.a")):
    config.available_features.add("host-runtime")
# `taipan run` caches its executables here, not in the user's home.
config.environment["TAIPAN_CACHE_DIR"] = os.path.join(config.test_exec_root, "run-cache")

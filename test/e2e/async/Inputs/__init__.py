# Helper modules of the async tests (a package so programs import them statically).

#!/usr/bin/env bash
# Print the interpreter `make` creates .venv with (override: make PYTHON=/path/to/python3).
#
# patlit's extraction is pure Python, so the interpreter's own build matters: the
# distribution's CPython (Debian's /usr/bin/python3) is compiled with profile-guided
# optimisation and link-time optimisation, while one built from source without them
# (pyenv's default build) ran bench/extract.py about 12% slower on the same machine.
# So a system python3 that is 3.11 or newer and can make a virtualenv comes first, then
# whatever python3 is on PATH.
for py in /usr/bin/python3 python3; do
  if command -v "$py" >/dev/null 2>&1 \
     && "$py" -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then
    echo "$py"
    exit 0
  fi
done
echo python3

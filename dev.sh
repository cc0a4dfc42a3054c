#!/usr/bin/env bash
# Set-up and everyday tasks for BenzoApp. Every task first makes sure the machine has
# what it needs (system libraries for Qt, a project-local .venv with the dependencies),
# so each command works on a fresh Debian/Ubuntu machine and is quick when already set up.
#
#   ./dev.sh run [ARGS...]   start the app (ARGS go to benzoapp, e.g. --data-dir DIR)
#   ./dev.sh test [ARGS...]  ruff, mypy and the whole pytest suite (ARGS go to pytest)
#   ./dev.sh bench [NAME...] benchmarks, each beside its same-run baseline
#   ./dev.sh screenshots DIR [--quick]  every view, at every size/theme/text size, under Xvfb
#   ./dev.sh pdf-pages PDF DIR  render a PDF's pages to PNG for a person to look at
#   ./dev.sh build [--onefile]  PyInstaller build, then the frozen app's self-test
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
PY="$VENV/bin/python"
SYSTEM_PACKAGES=(
  # Qt offscreen and on X11 (under Xvfb too)
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
  libxcb-render-util0 libxcb-xinerama0 libxcb-image0 fonts-dejavu-core
  # tools: a virtual screen for screenshots, PDF pages to PNG, PyInstaller's binutils
  xvfb xauth poppler-utils binutils
  # locale sources, so the date tests can run under a second locale (de_DE)
  locales
)

# Only for the tests: reading the window as a screen reader does, over AT-SPI
TEST_SYSTEM_PACKAGES=(dbus at-spi2-core python3-gi gir1.2-atspi-2.0)

say() { printf '[dev] %s\n' "$*" >&2; }

system_setup() {
  command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian/Ubuntu: see README
  local missing=()
  for pkg in "${SYSTEM_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  say "installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

python_setup() {
  local stamp="$VENV/.installed"
  if [ ! -x "$PY" ]; then
    say "creating $VENV"
    python3 -m venv "$VENV"
  fi
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ uv.lock -nt "$stamp" ]; then
    local uv="$VENV/bin/uv"
    if [ ! -x "$uv" ]; then
      if "$PY" -m pip --version >/dev/null 2>&1; then
        "$PY" -m pip install -q --disable-pip-version-check uv
      else
        uv="$(command -v uv)"   # a venv made by uv itself has no pip
      fi
    fi
    say "installing BenzoApp and the exact versions in uv.lock into $VENV"
    # The lock, not the newest releases: a new major version of a dependency cannot turn
    # a build red with no change of ours. --frozen refuses to touch the lock; the hashes
    # make pip-style installs verify every file. See README, "Updating the lock file".
    local pinned="$VENV/requirements.lock.txt"
    "$uv" export -q --frozen --format requirements-txt --extra test --extra build \
      --no-emit-project -o "$pinned"
    "$uv" pip install -q --python "$PY" --compile-bytecode --require-hashes -r "$pinned"
    "$uv" pip install -q --python "$PY" --compile-bytecode --no-deps -e .
    touch "$stamp"
  fi
}

# The date tests run under a second locale (German); build it when it is missing and
# the locale sources are there (no download: localedef ships with the C library).
locale_setup() {
  command -v localedef >/dev/null 2>&1 || return 0
  locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$' && return 0
  [ -f /usr/share/i18n/locales/de_DE ] || return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  say "building the de_DE.UTF-8 locale for the date tests"
  $sudo localedef -i de_DE -f UTF-8 de_DE.UTF-8 >/dev/null 2>&1 || true
}

setup() { system_setup; locale_setup; python_setup; }

task="${1:-}"
[ $# -gt 0 ] && shift
case "$task" in
  run)
    setup
    exec "$PY" -m benzoapp "$@"
    ;;
  test)
    system_setup "${TEST_SYSTEM_PACKAGES[@]}"
    python_setup
    unset PYTHONDONTWRITEBYTECODE
    export QT_QPA_PLATFORM=offscreen
    say "ruff"
    "$VENV/bin/ruff" check .
    "$VENV/bin/ruff" format --check .
    say "mypy"
    "$VENV/bin/mypy"
    say "pytest"
    set +e
    "$PY" -m pytest "$@"
    status=$?
    set -e
    if [ "$status" -eq 5 ]; then say "pytest collected no tests: that is a failure"; exit 1; fi
    exit "$status"
    ;;
  bench)
    setup
    export QT_QPA_PLATFORM=offscreen
    exec "$PY" -m bench "$@"
    ;;
  screenshots)
    setup
    # A screen as large as the largest window measured (1920x1080); --quick: one set only.
    exec xvfb-run -a -s "-screen 0 1920x1080x24" "$PY" -m benzoapp.gui.screenshots "${@:-screenshots}"
    ;;
  pdf-pages)
    setup
    [ $# -eq 2 ] || { say "usage: ./dev.sh pdf-pages FILE.pdf OUT_DIR"; exit 2; }
    mkdir -p "$2"
    pdftoppm -r 80 -png "$1" "$2/page"
    say "pages written to $2"
    ;;
  build)
    setup
    exec "$PY" -m tools.build_app "$@"
    ;;
  *)
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
    [ -z "$task" ] && exit 0 || exit 2
    ;;
esac

"""Build the app with ``build.spec`` and prove the frozen result works.

``./dev.sh build [--onefile]`` runs this: PyInstaller first, then the frozen app's
``--self-test`` offscreen on a fresh temporary database. Exits non-zero when either fails,
so CI never ships a build that cannot start.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
WORK = ROOT / "build"


def frozen_executable(onefile: bool, dist: Path = DIST) -> Path:
    """Where the spec puts the executable on this platform."""
    if sys.platform == "darwin":
        return dist / "BenzoApp.app" / "Contents" / "MacOS" / "BenzoApp"
    name = "BenzoApp.exe" if sys.platform == "win32" else "benzoapp"
    return dist / name if onefile else dist / "BenzoApp" / name


def run_pyinstaller(spec: Path, onefile: bool, dist: Path, work: Path) -> None:
    """Run PyInstaller on ``spec`` with this interpreter; raise if it fails."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(spec),
    ]
    if onefile:
        command += ["--", "--onefile"]
    subprocess.run(command, check=True, cwd=ROOT)


def folder_size(path: Path) -> int:
    """Bytes in a file or folder (symlinks not followed)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_symlink())


def self_test(executable: Path) -> int:
    """Run the frozen app's self-test offscreen in an empty folder; return its exit code."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("BENZOAPP_DATA_DIR", None)
    command = [str(executable), "--self-test"]
    return subprocess.run(command, env=env, cwd=executable.parent).returncode


def main(argv: list[str] | None = None) -> int:
    """Build, report the size, run the frozen self-test."""
    parser = argparse.ArgumentParser(prog="./dev.sh build", description=__doc__)
    parser.add_argument("--onefile", action="store_true", help="one executable, not a folder")
    parser.add_argument("--skip-self-test", action="store_true", help="only build")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    run_pyinstaller(ROOT / "build.spec", args.onefile, DIST, WORK)
    executable = frozen_executable(args.onefile)
    bundle = executable if args.onefile else executable.parent
    if sys.platform == "darwin":
        bundle = DIST / "BenzoApp.app"
    print(
        f"[build] {bundle.relative_to(ROOT)}: {folder_size(bundle) / 2**20:.1f} MiB, "
        f"built in {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    if args.skip_self_test:
        return 0
    status = self_test(executable)
    if status != 0:
        print(f"[build] the frozen self-test FAILED (exit {status})", file=sys.stderr)
        return 1
    print("[build] frozen self-test passed", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

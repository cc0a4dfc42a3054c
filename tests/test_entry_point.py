"""The one entry point: version, help, data folder choice, self-test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from benzoapp import __version__
from benzoapp.main import build_parser, main
from benzoapp.paths import DATA_DIR_ENV, resolve_data_dir


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "benzoapp", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"BenzoApp {__version__}"


def test_help_lists_global_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "--data-dir" in out
    assert "--self-test" in out


def test_data_dir_flag_beats_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert resolve_data_dir(str(tmp_path / "flag")) == (tmp_path / "flag").resolve()
    assert resolve_data_dir(None) == (tmp_path / "from-env").resolve()


def test_default_data_dir_is_outside_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    folder = resolve_data_dir(None)
    assert "BenzoApp" in str(folder)
    assert Path(__file__).resolve().parent.parent not in folder.parents


def test_parser_accepts_global_data_dir_before_command() -> None:
    args = build_parser().parse_args(["--data-dir", "/tmp/x"])
    assert args.data_dir == "/tmp/x"
    assert args.command is None


def test_module_and_console_script_run_the_same_main() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"BenzoApp {__version__}"


def test_self_test_passes_and_says_what_it_checked() -> None:
    result = run_cli("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "main window" in result.stdout
    assert "0 failed" in result.stdout


def test_window_launch_skips_command_modules_but_commands_still_parse() -> None:
    from benzoapp.main import names_a_command

    assert not names_a_command(["--data-dir", "/tmp/x"])
    assert names_a_command(["--data-dir", "/tmp/x", "plan", "--help"])
    assert names_a_command(["import", "f.json"])  # the module is import_, the word is import
    assert names_a_command(["-h"])
    args = build_parser(with_commands=False).parse_args(["--data-dir", "/tmp/x"])
    assert args.command is None


def test_opening_the_window_does_not_import_the_command_modules() -> None:
    code = (
        "import sys, benzoapp.main as m\n"
        "m.build_parser(with_commands=m.names_a_command(['--data-dir', '/tmp/x']))\n"
        "loaded = [n for n in sys.modules if n.startswith('benzoapp.cli.commands.')]\n"
        "print(loaded); sys.exit(1 if loaded else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    """`benzoapp check ... | head -1`: the closed pipe ends the command quietly."""
    queries = ["diazepam", "Epsom salt bath", "co-codamol", "gabapentin"] * 150
    proc = subprocess.Popen(
        [sys.executable, "-m", "benzoapp", "check", *queries],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # like `head -1` exiting
    with proc.stderr:
        err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 1
    assert first.startswith(b"diazepam")
    assert "Traceback" not in err
    assert "BrokenPipeError" not in err

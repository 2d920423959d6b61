import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "releases"
GLOSSARY = ROOT / "glossaries" / "iom-fr-en.csv"


def trame_bin() -> str:
    """The CLI to compare with: $TRAME_BIN, else the one `cargo test` built."""
    path = os.environ.get("TRAME_BIN") or str(ROOT / "target" / "debug" / "trame")
    if not Path(path).exists():
        pytest.skip(f"{path} not built (run `cargo build` or set TRAME_BIN)")
    return path


def cli(*args, stdin: bytes = None, ok: bool = True) -> subprocess.CompletedProcess:
    res = subprocess.run([trame_bin(), *map(str, args)], input=stdin, capture_output=True)
    if ok:
        assert res.returncode == 0, res.stderr.decode()
    return res


def cli_jsonl(*args, stdin: bytes = None) -> list:
    out = cli(*args, stdin=stdin).stdout.decode("utf-8")
    return [json.loads(line) for line in out.splitlines() if line]

"""The --json option every benchmark shares: numbers to a file, or to stdout for '-'."""
from __future__ import annotations

import json
from pathlib import Path


def write_numbers(numbers: dict, dest: str) -> None:
    text = json.dumps(numbers, indent=2)
    if dest == "-":
        print(text)
    else:
        Path(dest).write_text(text + "\n", encoding="utf-8")

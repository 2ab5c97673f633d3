"""The bad-input folder through `eventcoder code`: every entry accounted for, and how long it takes.

    python benchmarks/bad_inputs.py

The folder (tests/data/make_samples.py: empty, binary, NUL byte, 20 MB, broken JSONL line, Latin-1, German,
symbolic-link loop, broken link, FIFO, a 100,000-character line with no full stop) is built in a temporary
directory. Target: under 15 s for the whole run, the model's loading included, on 2 cores.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from data.make_samples import BAD_FOLDER, bad_input_folder  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        folder = bad_input_folder(Path(work) / "bad")
        out = Path(work) / "out" / "events.jsonl"
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "eventcoder", "code", str(folder), "-o", str(out),
                                 "--pub-date", "2023-01-02"], capture_output=True, text=True)
        seconds = time.perf_counter() - start
        summary = result.stderr.strip().splitlines()[-1]
        size = out.stat().st_size
    entries = sum(len(v) if isinstance(v, list) else 1 for v in BAD_FOLDER.values())
    print(f"{len(BAD_FOLDER)} entries ({entries} documents and reasons) in {seconds:.1f} s; events file {size:,} bytes")
    print(summary)
    print(f"seconds={seconds:.1f}")


if __name__ == "__main__":
    main()

"""Write tests/recording_seconds.json: the wall time of each recorded test, from its cassette's write time.

vcrpy writes a cassette when its test ends and the recording runs one test after another, so the time
between two consecutive cassette writes is the later test's wall time (its LLM calls, nearly all of it).
Run right after recording (scripts/record.sh does), before anything rewrites the files.

    python scripts/recording_seconds.py SERVER_READY_EPOCH
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORDED = ROOT / "cassettes" / "test_recorded"
OUT = ROOT / "tests" / "recording_seconds.json"


def main() -> None:
    started = float(sys.argv[1])
    files = sorted(RECORDED.glob("*.yaml"), key=lambda p: p.stat().st_mtime)
    seconds, previous = {}, started
    for path in files:
        mtime = path.stat().st_mtime
        seconds[path.stem] = round(mtime - previous, 1)
        previous = mtime
    OUT.write_text(json.dumps(seconds, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(seconds)} recordings, {previous - started:.0f} s in all -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

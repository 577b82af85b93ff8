"""Throughput of extract_many against a server of fixed latency, the library's overhead per article,
and what resuming costs per article (medians and ratios; no timed assertion anywhere).

    .venv/bin/python tests/benchmarks/bench_batch.py

The fake server (tests/fake_server.py, hand-written answers) runs in its own process and answers each
request after 0.1 s ("slow"), or at once ("ok"). Run with nothing else on the machine.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
LATENCY = 0.1
TEXT = "Ukraine brought home 75 prisoners from Russian captivity today, in an exchange with Russia."


def main() -> None:
    from powx_llm.corpus import ArticleInput, extract_many
    from powx_llm.extract import Extractor

    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "requests.jsonl"
        server = subprocess.Popen(
            [sys.executable, "-m", "tests.fake_server", "--log", str(log)], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        try:
            assert server.stdout is not None
            port = int(server.stdout.readline())

            def run(fault: str, n: int, jobs: int, tag: str, journal: Path | None = None) -> float:
                ex = Extractor.connect(base_url=f"http://127.0.0.1:{port}/{fault}/v1", http_retries=0)
                items = [ArticleInput(f"{tag}{i}", f"{tag} {i}. {TEXT}") for i in range(n)]
                started = time.perf_counter()
                rows = list(extract_many(items, extractor=ex, jobs=jobs, journal=journal, progress=False))
                assert all(r.status.value == "ok" for r in rows), {r.error for r in rows}
                return time.perf_counter() - started

            run("ok", 20, 1, "warm")
            walls, cpus = [], []
            for k in range(3):
                cpu = time.process_time()
                walls.append(run("ok", 40, 1, f"cpu{k}-") / 40)
                cpus.append((time.process_time() - cpu) / 40)
            wall, per_article = statistics.median(walls), statistics.median(cpus)
            print(
                f"library overhead per article (server answers at once, jobs=1): {per_article * 1000:.1f} ms of CPU "
                f"in this process, {wall * 1000:.1f} ms of wall time (the server's own time included)"
            )
            for jobs in (1, 4, 16):
                n = 24 * jobs
                seconds = statistics.median(run("slow", n, jobs, f"j{jobs}-{k}-") for k in range(3))
                rate = n / seconds
                bound = min(jobs / LATENCY, 1 / per_article)
                print(
                    f"jobs={jobs:2d}: {rate:6.1f} articles/s; ideal min(jobs/latency, 1/overhead) = {bound:6.1f}; "
                    f"ratio {rate / bound:.2f}"
                )
            journal = Path(tmp) / "journal.jsonl"
            run("ok", 200, 4, "resume-", journal)
            skip = statistics.median(run("ok", 200, 4, "resume-", journal) / 200 for _ in range(3))
            print(f"resuming: {skip * 1000:.2f} ms per article already in the journal (200 articles)")
        finally:
            server.kill()
            server.wait()


if __name__ == "__main__":
    main()

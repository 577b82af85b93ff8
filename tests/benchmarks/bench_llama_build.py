"""Benchmark (not a test): time one fixed completion with this interpreter's llama.cpp build.

    .venv/bin/python tests/benchmarks/bench_llama_build.py [MODEL.gguf]
    /path/to/other-venv/bin/python tests/benchmarks/bench_llama_build.py [MODEL.gguf]

Compare builds (the AMX-disabled native build of scripts/install.sh against a portable
GGML_NATIVE=OFF AVX2 build) by the median of 3 runs of the same prompt, prompt cache cleared each run.
Run one build at a time, with nothing else on the machine.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from llama_cpp import Llama

from powx_llm.llm import model_path

SEED = Path(__file__).resolve().parents[2] / "seeds" / "eval" / "seed-ua-2024-05-31-75.json"


def main() -> None:
    model = sys.argv[1] if len(sys.argv) > 1 else str(model_path())
    text = json.loads(SEED.read_text(encoding="utf-8"))["text"]
    llm = Llama(model_path=model, n_threads=2, n_ctx=4096, verbose=False)
    messages = [
        {"role": "system", "content": "Summarise the article in one sentence."},
        {"role": "user", "content": text},
    ]
    times = []
    for _ in range(3):
        llm.reset()  # type: ignore[no-untyped-call]  # llama_cpp ships no annotations for reset
        began = time.perf_counter()
        out = llm.create_chat_completion(messages=messages, max_tokens=64, temperature=0)  # type: ignore[arg-type]
        times.append(time.perf_counter() - began)
    usage = out["usage"]  # type: ignore[index]
    print(
        f"prompt {usage['prompt_tokens']} tok, completion {usage['completion_tokens']} tok, "
        f"median {statistics.median(times):.2f} s over {len(times)} runs"
    )


if __name__ == "__main__":
    main()

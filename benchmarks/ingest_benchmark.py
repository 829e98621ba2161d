"""How fast the parser reads documents: documents per second, and milliseconds for the seed.

Run from the repository root: `PYTHONPATH=src python benchmarks/ingest_benchmark.py`.
Parsing needs no database and no Django settings.
"""

import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from minsheng.ingest.parser import decode_document, parse_bytes  # noqa: E402
from minsheng.ingest.parser.extract import pairs  # noqa: E402
from minsheng.ingest.parser.numbers import find_quantities, mask, normalize  # noqa: E402


def parse(data: bytes) -> None:
    # Each parse starts cold: the word-pair cache would otherwise flatter repeated documents.
    pairs.cache_clear()
    parse_bytes(data, jurisdiction="青岛市", year=2025)


DATA = ROOT / "src" / "minsheng" / "ingest" / "tests" / "data"
SEED = DATA / "qingdao_2025_report.txt"


def floor(data: bytes) -> None:
    """The reference: decode, normalise and find every quantity once, the least a parse does."""
    find_quantities(mask(normalize(decode_document(data))))


FIXED_PATTERN = re.compile(r"[\u4e00-\u9fff]{2}|\d+")


def fixed(data: bytes) -> None:
    """A second reference that no change to the parser alters: decode, then one regular
    expression and one pass of Python over the text. Parse time over this time compares runs
    on a loaded machine and across versions of the parser."""
    text = data.decode("utf-8")
    words = FIXED_PATTERN.findall(text)
    counts: dict[str, int] = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1


def timed(work: Callable[[bytes], object], data: bytes, rounds: int) -> list[float]:
    """Seconds of each of `rounds` calls of work(data)."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work(data)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    documents = [path.read_bytes() for path in sorted(DATA.glob("*.txt"))]
    parse_bytes(SEED.read_bytes())  # warm up: imports, regular expressions, cn2an's tables
    # alternate the parse and the reference, so both see the same load on a shared machine
    seed: list[float] = []
    reference: list[float] = []
    steady: list[float] = []
    for _ in range(10):
        seed += timed(parse, SEED.read_bytes(), 5)
        reference += timed(floor, SEED.read_bytes(), 5)
        steady += timed(fixed, SEED.read_bytes(), 5)
    start = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        for data in documents:
            parse(data)
    elapsed = time.perf_counter() - start
    count = rounds * len(documents)
    print(
        f"ingest: seed ({len(SEED.read_bytes()) // 1024} KB, 15 projects, 49 indicators): "
        f"median {statistics.median(seed) * 1000:.1f} ms, best {min(seed) * 1000:.1f} ms"
    )
    print(
        f"ingest: seed, caches cleared between parses: {1 / statistics.median(seed):.1f} "
        f"documents/second (target 100); reference (decode + one pass for quantities): "
        f"{1 / statistics.median(reference):.1f}/s, parse = "
        f"{statistics.median(seed) / statistics.median(reference):.1f}× the reference"
    )
    print(
        f"ingest: fixed reference (decode, one regex, one Python pass; unchanged by the parser): "
        f"{1 / statistics.median(steady):.1f}/s, parse = "
        f"{statistics.median(seed) / statistics.median(steady):.1f}× the fixed reference"
    )
    print(
        f"ingest: {count / elapsed:.1f} documents/second over {len(documents)} test documents "
        f"({count} parses)"
    )


if __name__ == "__main__":
    main()

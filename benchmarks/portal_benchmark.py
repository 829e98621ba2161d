"""Load benchmark of the public portal, served as `make run` serves it.

Builds a throwaway SQLite database with the Qingdao 2025 demo (MINSHENG_DATA_DIR in a temporary
folder), collects static files, starts gunicorn with `make run`'s options on 127.0.0.1, and
drives it from a thread pool for a bounded number of requests and seconds per target. Prints
requests per second and p50/p99 latency for the home page, a project page and an API list,
each beside a static file of similar size served by the same gunicorn (the ceiling), and the
ratios. Only 127.0.0.1 is ever contacted.

Runs twice when redis-server is installed: on the embedded default (SQLite, the cache and
the rate-limit counters in a SQLite file of their own) and with REDIS_URL pointing at a
throwaway redis-server on 127.0.0.1; with --database-url the second pass also runs on that
PostgreSQL database (migrated and loaded with the demo if empty): the production arrangement
the README describes. Targets for the project page: ≥ 35 % of the static file on the embedded
default, ≥ 60 % with PostgreSQL and Redis.

Usage: python benchmarks/portal_benchmark.py [--seconds 8] [--requests 4000] [--threads 8] [--rounds 4]
                                             [--cache db|redis|both] [--database-url postgres://…]
"""

import argparse
import http.client
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
WORKERS = "3"  # as in the Makefile


@dataclass
class Result:
    name: str
    path: str
    size: int
    count: int
    errors: int
    seconds: float
    latencies: list[float]

    @property
    def rate(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def fetch(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", path, headers={"Accept-Language": "zh-hans"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def load(port: int, name: str, path: str, *, threads: int, requests: int, seconds: float) -> Result:
    """`requests` GETs of `path` from `threads` threads, stopping early after `seconds`."""
    status, body = fetch(port, path)
    if status != 200:
        raise SystemExit(f"{path} answered {status}")
    for _ in range(20):  # warm the workers and the cache
        fetch(port, path)
    lock = threading.Lock()
    latencies: list[float] = []
    errors = 0
    issued = 0
    deadline = time.perf_counter() + seconds

    def worker() -> None:
        nonlocal errors, issued
        while True:
            with lock:
                if issued >= requests or time.perf_counter() > deadline:
                    return
                issued += 1
            start = time.perf_counter()
            try:
                code, _ = fetch(port, path)
            except OSError:
                code = 0
            elapsed = time.perf_counter() - start
            with lock:
                if code == 200:
                    latencies.append(elapsed)
                else:
                    errors += 1

    began = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return Result(
        name, path, len(body), len(latencies), errors, time.perf_counter() - began, latencies
    )


def merge(results: list[Result]) -> Result:
    """The rounds of one target as one result."""
    first = results[0]
    return Result(
        first.name,
        first.path,
        first.size,
        sum(r.count for r in results),
        sum(r.errors for r in results),
        sum(r.seconds for r in results),
        [latency for r in results for latency in r.latencies],
    )


def closest_static(static_root: Path, size: int) -> str:
    """The collected static file (not a compressed copy) closest in size to `size` bytes."""
    candidates = [
        path
        for path in static_root.rglob("*")
        if path.is_file()
        and path.suffix in {".css", ".js", ".json", ".txt", ".svg"}
        and not path.name.endswith((".gz", ".br"))
    ]
    best = min(candidates, key=lambda path: abs(path.stat().st_size - size))
    return "/static/" + best.relative_to(static_root).as_posix()


def prepare(env: dict[str, str]) -> None:
    django = [sys.executable, "-m", "django"]
    for command in (
        ["compile_translations"],
        ["migrate", "--noinput", "-v0"],
        ["load_demo", "--if-empty"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run(django + command, env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def wait_until_up(port: int, server: subprocess.Popen[bytes]) -> None:
    for _ in range(200):
        if server.poll() is not None:
            raise SystemExit("gunicorn exited early")
        try:
            fetch(port, "/")
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not answer")


def start_redis() -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    redis = subprocess.Popen(
        ["redis-server", "--bind", HOST, "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            socket.create_connection((HOST, port), timeout=0.2).close()
            return redis, f"redis://{HOST}:{port}/0"
        except OSError:
            time.sleep(0.05)
    redis.terminate()
    raise SystemExit("redis-server did not start")


def run(
    args: argparse.Namespace, redis_url: str | None, database_url: str = ""
) -> list[tuple[str, float]]:
    """One benchmark pass on a fresh data folder; returns (target, share of static) pairs."""
    data_dir = Path(tempfile.mkdtemp(prefix="minsheng-bench-"))
    env = {
        **os.environ,
        "MINSHENG_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "minsheng.settings",
        "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""),
        # The benchmark measures throughput, not the limiter: one address sends everything.
        "PORTAL_RATE_LIMIT": "100000000",
        # load_demo made demo accounts: a server without the demo setting refuses them.
        "MINSHENG_DEMO": "1",
    }
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    if database_url:
        env["DATABASE_URL"] = database_url
    server = None
    ratios: list[tuple[str, float]] = []
    try:
        prepare(env)
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "minsheng.wsgi",
                "--bind",
                f"{HOST}:{port}",
                "--workers",
                WORKERS,
                "--access-logfile",
                "-",
                "--forwarded-allow-ips",
                HOST,
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until_up(port, server)
        static_root = data_dir / "static"
        targets = [
            ("home page", "/"),
            ("project page", "/2025/qingdao/3/"),
            ("API project list", "/api/plans/2025/qingdao/projects"),
        ]
        options = {
            "threads": args.threads,
            "requests": args.requests // args.rounds,
            "seconds": args.seconds / args.rounds,
        }
        cache = "Redis cache" if redis_url else "cache in its own SQLite file (embedded default)"
        database = "PostgreSQL" if database_url else "SQLite"
        print(f"\n== gunicorn, {WORKERS} sync workers, {database} database, {cache}")
        print(
            f"   client: {args.threads} threads; per target ≤{args.requests} requests or "
            f"≤{args.seconds:g} s, in {args.rounds} rounds alternating with its static twin\n"
        )
        header = f"{'target':<22}{'path':<44}{'bytes':>8}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}"
        print(header)
        print("-" * len(header))
        for name, path in targets:
            _status, body = fetch(port, path)
            static_path = closest_static(static_root, len(body))
            # Alternate short rounds of the page and its static twin, so that both meet the
            # same background load; the ratio is the median of the rounds' ratios.
            rounds = []
            for _ in range(args.rounds):
                dynamic = load(port, name, path, **options)
                ceiling = load(port, "  static, same size", static_path, **options)
                rounds.append((dynamic, ceiling))
            for result in (merge([d for d, _ in rounds]), merge([c for _, c in rounds])):
                print(
                    f"{result.name:<22}{result.path[:43]:<44}{result.size:>8}{result.rate:>9.0f}"
                    f"{result.percentile(0.5):>9.1f}{result.percentile(0.99):>9.1f}{result.errors:>8}"
                )
            shares = [d.rate / c.rate for d, c in rounds if c.rate]
            ratios.append((name, statistics.median(shares) if shares else 0.0))
        print(
            "\nthroughput as a share of the static file of similar size, median of the rounds"
            f" (target for the project page ≥ {'60' if redis_url else '35'} %):"
        )
        for name, ratio in ratios:
            print(f"  {name:<20} {ratio:6.1%}")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(data_dir, ignore_errors=True)
    return ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0, help="at most this long per target")
    parser.add_argument("--requests", type=int, default=4000, help="at most this many per target")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=4, help="alternating rounds per target")
    parser.add_argument("--cache", choices=["db", "redis", "both"], default="both")
    parser.add_argument(
        "--database-url", default="", help="PostgreSQL for the Redis pass (else SQLite)"
    )
    args = parser.parse_args()
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} before the run")
    if args.cache in {"db", "both"}:
        run(args, None)
    if args.cache in {"redis", "both"}:
        if shutil.which("redis-server") is None:
            print("\nredis-server is not installed: the Redis pass is skipped")
            return
        redis, url = start_redis()
        try:
            run(args, url, args.database_url)
        finally:
            redis.terminate()
            redis.wait(timeout=10)


if __name__ == "__main__":
    main()

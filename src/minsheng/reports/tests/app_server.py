"""One app server of several, as a test starts it: a fresh Python process with its own
environment (data directory, storage settings) that runs a command or a snippet of code."""

import subprocess
import sys


def run_server(environment: dict[str, str], *arguments: str, code: str | None = None) -> str:
    """Run `python -m django ARGUMENTS`, or CODE after django.setup(); its standard output.

    A failing process fails the test with the end of its standard error."""
    command = [sys.executable, "-m", "django", *arguments]
    if code is not None:
        command = [sys.executable, "-c", f"import django; django.setup()\n{code}", *arguments]
    done = subprocess.run(
        command, env=environment, capture_output=True, text=True, timeout=400, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()

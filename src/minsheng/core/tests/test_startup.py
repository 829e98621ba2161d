import os
import subprocess
import sys
from pathlib import Path

from minsheng.core.startup import HEAVY_LIBRARIES

SRC = Path(__file__).resolve().parents[3]
SETUP = (
    "import sys, django; django.setup(); "
    f"print(','.join(m for m in {HEAVY_LIBRARIES!r} if m in sys.modules))"
)


def test_django_setup_imports_no_heavy_library(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(SRC), "MINSHENG_DATA_DIR": str(tmp_path)}
    env["DJANGO_SETTINGS_MODULE"] = "minsheng.settings"
    done = subprocess.run(
        [sys.executable, "-c", SETUP], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == ""

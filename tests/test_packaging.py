"""The wheel carries its templates and fonts: installed into a fresh virtual environment, it
builds the reference pack from an unrelated directory."""
from __future__ import annotations

import json
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

from helpers import REFERENCE, ROOT


def test_wheel_installs_and_builds_from_any_directory(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist),
                    str(ROOT)], check=True, capture_output=True)
    (wheel,) = dist.glob("workshopkit-*.whl")
    carried = set(zipfile.ZipFile(wheel).namelist())
    assert {"workshopkit/studio/assets/studio.js", "workshopkit/studio/assets/page.html.j2",
            "workshopkit/locale/th/LC_MESSAGES/workshopkit.mo",
            "workshopkit/fonts/Sarabun-Regular.ttf"} <= carried
    env_dir = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True)
    python = env_dir / "bin" / "python"
    purelib = "import sysconfig; print(sysconfig.get_path('purelib'))"
    fresh_site = Path(subprocess.run([str(python), "-c", purelib],
                                     check=True, capture_output=True, text=True).stdout.strip())
    # The wheel is installed by the fresh environment's own pip, console script included; its
    # dependencies come from this environment, listed in a .pth file (directories named there
    # are not site directories, so this environment's editable workshopkit is not picked up).
    subprocess.run([str(env_dir / "bin" / "pip"), "install", "--quiet", "--no-deps", "--no-index",
                    str(wheel)], check=True, capture_output=True)
    deps = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib"), *site.getsitepackages()}
    (fresh_site / "deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run([str(python), "-c", "import workshopkit; print(workshopkit.__file__)"],
                           cwd=elsewhere, check=True, capture_output=True, text=True).stdout
    assert where.startswith(str(fresh_site))
    result = subprocess.run([str(env_dir / "bin" / "workshopkit"), "build", str(REFERENCE), "-o", "out"],
                            cwd=elsewhere, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((elsewhere / "out" / "community-service-unit-2day" / "manifest.json").read_text())
    assert len(manifest["documents"]) == 28
    assert (fresh_site / "workshopkit" / "fonts" / "Sarabun-Regular.ttf").is_file()
    assert (fresh_site / "workshopkit" / "templates" / "print.css").is_file()

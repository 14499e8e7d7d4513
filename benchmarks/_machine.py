"""Machine facts recorded beside every benchmark result, so numbers are never read without context."""

from __future__ import annotations

import os
import platform
import resource
import sys
from datetime import datetime, timezone


def machine_info() -> dict:
    mem_gb = None
    try:
        with open("/proc/meminfo") as f:
            mem_gb = round(int(f.readline().split()[1]) / 1024**2, 1)
    except OSError:
        pass
    cpu = platform.processor()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), cpu)
    except OSError:
        pass
    return {"platform": platform.platform(), "python": sys.version.split()[0], "cpus": os.cpu_count(),
            "cpu_model": cpu, "mem_gb": mem_gb, "when": datetime.now(timezone.utc).isoformat(timespec="seconds")}


def peak_rss_mb() -> dict:
    """Peak resident memory of this process and of its (finished) children, in MB."""
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"self_mb": round(me, 1), "largest_child_mb": round(kids, 1)}

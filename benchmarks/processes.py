"""Stopping the servers the benchmarks and the README check start."""
from __future__ import annotations

import subprocess

__all__ = ["stop"]


def stop(proc: subprocess.Popen | None) -> None:
    """Ask a process to end, and kill it if it has not within 30 seconds."""
    if proc is not None and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

"""Run ``doorstep serve`` as a real process for end-to-end tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.integration.postgres import free_port


class Server:
    """A ``doorstep serve`` process on a free loopback port, with its data in ``root``."""

    def __init__(self, root: Path, api_key: str, extra_env: dict[str, str] | None = None) -> None:
        self.root, self.port = root, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DOORSTEP_DATABASE_URL": f"sqlite+aiosqlite:///{root / 'doorstep.db'}",
            "DOORSTEP_STORAGE_DATA_DIR": str(root / "data"),
            "DOORSTEP_OUTBOX_DIR": str(root / "outbox"),
            "DOORSTEP_API_KEY": api_key,
            **(extra_env or {}),
        }
        self.process: subprocess.Popen | None = None

    def doorstep(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        """Run another ``doorstep`` command against the same data."""
        return subprocess.run([sys.executable, "-m", "gateway.cli", *args],
                              env={**self.env, **(env or {})}, cwd=self.root,
                              capture_output=True, text=True, timeout=120)

    def start(self, timeout: float = 30.0) -> None:
        with open(self.root / "serve.log", "ab") as log:  # the child keeps its own copy
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gateway.cli", "serve", "--port", str(self.port)],
                env=self.env, cwd=self.root, stdout=subprocess.DEVNULL, stderr=log,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"doorstep serve exited:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=1) as resp:
                    if resp.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise TimeoutError(f"doorstep serve did not answer in {timeout}s:\n{self.log()}")

    def kill(self) -> None:
        """Stop the process the hard way, as a crash or power cut would."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    def log(self) -> str:
        path = self.root / "serve.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

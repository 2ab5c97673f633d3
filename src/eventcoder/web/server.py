"""Running the web app in a background thread of this process (uvicorn), on a free port of this machine: for
browser tests, the screenshot script and notebooks. `eventcoder serve` runs uvicorn in the foreground instead.
"""

from __future__ import annotations

import socket
import threading
import time

import uvicorn
from fastapi import FastAPI


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


class BackgroundServer:
    """`with BackgroundServer(app) as url:` serves `app` at `url` until the block ends."""

    def __init__(self, app: FastAPI, host: str = "127.0.0.1", port: int | None = None, timeout: float = 20.0):
        self.host, self.port, self.timeout = host, port or free_port(host), timeout
        config = uvicorn.Config(app, host=self.host, port=self.port, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="eventcoder-web", daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + self.timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the web server did not start on {self.url}")
            time.sleep(0.02)
        return self.url

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(self.timeout)


__all__ = ["BackgroundServer", "free_port"]

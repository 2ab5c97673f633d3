"""`eventcoder serve`: the web UI over a corpus store (docs/web.md).

Read-only unless --allow-upload: the store is opened read-only and the app has no route that writes. Binds to
127.0.0.1 unless --host says otherwise; then the pages (and uploads, if enabled) are open to the network.
"""

from __future__ import annotations

import shutil
import tempfile
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer

from eventcoder.cli import ModelOption, _ready_coder, app, err
from eventcoder.cli_corpus import _fail
from eventcoder.settings import load_settings
from eventcoder.store import Store, StoreError

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@app.command()
def serve(
    db: Annotated[Path | None, typer.Option(
        "--db", help="the corpus store to show (default: a demo store coded from the bundled example articles)")
    ] = None,
    host: Annotated[str, typer.Option("--host", help="address to bind (default: this machine only)")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="port to listen on")] = 8000,
    allow_upload: Annotated[bool, typer.Option(
        "--allow-upload", help="add a page to paste or upload articles, coded and stored (opens the store "
                               "read-write)")] = False,
    max_upload: Annotated[int, typer.Option(
        "--max-upload", min=1, help="largest upload, in bytes")] = 1_000_000,
    model: ModelOption = None,
) -> None:
    """Explore a corpus store in the browser: events with filters and downloads, documents with their evidence
    highlighted, stories, a dyad's timeline, the actor network, a map and contested figures; JSON API at /api,
    its docs at /docs."""
    import uvicorn

    from eventcoder.web import create_app
    from eventcoder.web.demo import demo_store

    settings = load_settings(model=model)
    coder = None

    def make_coder():
        nonlocal coder
        if coder is None:
            coder = _ready_coder(settings)
        return coder

    scratch = None
    label = None
    if db is None:
        with err.status("coding the demo corpus once (then cached)") if err.is_terminal else nullcontext():
            try:
                db = demo_store(make_coder)
            except OSError as exc:
                raise _fail(f"eventcoder serve: {exc}") from None
        label = "demo"
        if allow_upload:  # uploads go to a copy: the cached demo stays the demo
            scratch = tempfile.TemporaryDirectory(prefix="eventcoder-demo-")
            db = Path(shutil.copy(db, Path(scratch.name) / "demo.duckdb"))
    elif not allow_upload and not db.exists():
        raise _fail(f"eventcoder serve: {db}: no such store (create it with eventcoder ingest, or give "
                    "--allow-upload to start an empty one)")
    if allow_upload:
        db.parent.mkdir(parents=True, exist_ok=True)
    try:
        store = Store.open(db, read_only=not allow_upload, sandbox=not allow_upload)
    except StoreError as exc:
        raise _fail(f"eventcoder serve: {exc}") from None
    if allow_upload:
        make_coder()  # load the model now, not at the first upload
    loopback = host in LOOPBACK
    web = create_app(store, label=label, allow_upload=allow_upload, max_upload=max_upload,
                     coder=make_coder if allow_upload else None,
                     allowed_hosts=[*LOOPBACK, "[::1]"] if loopback else None)
    shown = f"[{host}]" if ":" in host else host
    mode = "read-write: uploads enabled" if allow_upload else "read-only"
    typer.echo(f"eventcoder: serving {label or db} ({mode}) at http://{shown}:{port}/ — Ctrl+C to stop")
    if not loopback:
        err.print(f"warning: bound to {host}: anyone who can reach this machine can read the store"
                  + (" and upload into it" if allow_upload else ""), highlight=False, markup=False)
    try:
        uvicorn.run(web, host=host, port=port, log_level="warning")
    finally:
        store.close()
        if scratch is not None:
            scratch.cleanup()

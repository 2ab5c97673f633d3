"""A web UI to explore a coded corpus in the browser (docs/web.md): `eventcoder serve --db corpus.duckdb`.

Server-rendered pages (overview, events, documents with their evidence highlighted, stories, timeline, network,
map, claims), a JSON API with OpenAPI docs at /docs, and optional uploads. Everything it shows comes from the
corpus store (docs/store.md); everything it loads in the browser is served by it (no CDN, no internet).
"""

from eventcoder.web.app import create_app

__all__ = ["create_app"]

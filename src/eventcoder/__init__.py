"""eventcoder: political event data (PLOVER/CAMEO) from news text, offline."""

from importlib import metadata

from eventcoder.models import Actor, Document, Event, Place
from eventcoder.pipeline import Coder, code_documents, code_text

__all__ = ["Actor", "Coder", "Document", "Event", "Place", "code_documents", "code_text"]
try:
    __version__ = metadata.version("eventcoder")
except metadata.PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

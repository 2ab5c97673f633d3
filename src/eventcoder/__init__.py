"""eventcoder: political event data (PLOVER/CAMEO) from news text, offline."""

from eventcoder.models import Actor, Document, Event, Place
from eventcoder.pipeline import Coder, code_documents, code_text

__all__ = ["Actor", "Coder", "Document", "Event", "Place", "code_documents", "code_text"]
__version__ = "0.1.0"

"""Looking at bytes: decompression, what format an input is (by content, the file name only breaking ties),
whether it is binary, and decoding to text."""

from __future__ import annotations

import bz2
import codecs
import io
import json
import lzma
import re
import zlib
from typing import BinaryIO, NamedTuple

import charset_normalizer

from eventcoder.ingest.base import ingest_error
from eventcoder.models import CodingError

SNIFF_BYTES = 8192
COMPRESSORS = ((b"\x1f\x8b", "gzip"), (b"BZh", "bzip2"), (b"\xfd7zXZ\x00", "xz"))
# Errors a damaged or cut compressed stream raises while it is read.
STREAM_ERRORS = (EOFError, zlib.error, lzma.LZMAError, OSError)
BINARY_MAGIC = (
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (or DOCX/EPUB/XLSX)"), (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"), (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"7z\xbc\xaf", "a 7z archive"), (b"Rar!", "a RAR archive"), (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old MS Office document"), (b"SQLite format 3", "an SQLite database"),
    (b"RIFF", "a media file"), (b"OggS", "a media file"), (b"ID3", "an MP3 file"),
)
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
ALLOWED_CONTROLS = frozenset(b"\t\n\r\x0b\x0c\x1b\x08")
FEED_ROOTS = {"rss", "feed", "rdf:rdf", "rdf", "channel"}
HTML_ROOTS = {"html", "head", "body", "meta", "title", "article", "div", "p", "section", "main", "header", "h1",
              "h2", "table", "span", "a", "link", "script", "style", "!doctype"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"}
JSON_SUFFIXES = {".jsonl", ".ndjson", ".json", ".jsonlines"}
DOC_SUFFIXES = {".gz", ".bz2", ".xz", ".txt", ".text", ".md", ".jsonl", ".ndjson", ".json", ".jsonlines", ".xml",
                ".rss", ".atom", ".warc", ".arc"} | HTML_SUFFIXES
ROOT_TAG = re.compile(r"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)*<([A-Za-z!][\w:.-]*)", re.I | re.S)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


class Rewound(io.RawIOBase):
    """A stream whose first bytes were read to look at them, put back in front."""

    def __init__(self, head: bytes, stream: BinaryIO):
        self._head, self._pos, self._stream = head, 0, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._pos < len(self._head):
            n = min(len(buffer), len(self._head) - self._pos)
            buffer[:n] = self._head[self._pos:self._pos + n]
            self._pos += n
            return n
        data = self._stream.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def read_head(stream: BinaryIO, size: int = SNIFF_BYTES) -> tuple[bytes, io.BufferedReader]:
    """The first `size` bytes, and a stream that still starts at the beginning."""
    head = stream.read(size)
    return head, io.BufferedReader(Rewound(head, stream), buffer_size=1 << 16)


class Decompressed(io.RawIOBase):
    """gzip, bzip2 or xz data (several members one after the other, as in WARC.gz), decompressed as it is read.
    Unlike GzipFile, data that is cut short ends like complete data, with everything before the cut delivered,
    and `truncated` set: the complete lines of a truncated .jsonl.gz are still read, and the reader says what
    was lost. Output is bounded by the reads (no decompression bombs)."""

    CHUNK = 1 << 16

    def __init__(self, stream: BinaryIO, kind: str):
        self._stream, self.kind = stream, kind
        self._magic = dict((name, magic) for magic, name in COMPRESSORS)[kind]
        self._input = b""
        self._decompressor = self._new()
        self._done = False
        self.truncated = False

    def _new(self):
        if self.kind == "gzip":
            return zlib.decompressobj(wbits=31)
        return bz2.BZ2Decompressor() if self.kind == "bzip2" else lzma.LZMADecompressor()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._done:
            d = self._decompressor
            if d.eof:  # the end of one member: another may follow; anything else after it is ignored
                self._input = d.unused_data + self._input
                if len(self._input) < len(self._magic):
                    self._input += self._stream.read(self.CHUNK)
                if not self._input.startswith(self._magic):
                    self._done = True
                    break
                self._decompressor = d = self._new()
            if self.kind == "gzip" or d.needs_input:
                chunk = self._input or self._stream.read(self.CHUNK)
                self._input = b""
                if not chunk:
                    self._done = self.truncated = True
                    break
            else:
                chunk = b""
            out = d.decompress(chunk, len(buffer))
            if self.kind == "gzip" and not d.eof:
                self._input = d.unconsumed_tail
            if out:
                buffer[:len(out)] = out
                return len(out)
        return 0


def decompress(stream: BinaryIO) -> tuple[BinaryIO, Decompressed | None]:
    """Undo gzip, bzip2 or xz compression, known by their magic bytes rather than the file name. The second
    value, when compressed, tells the kind and whether the data was cut short."""
    magic, stream = read_head(stream, 6)
    for prefix, name in COMPRESSORS:
        if magic.startswith(prefix):
            decompressed = Decompressed(stream, name)
            return io.BufferedReader(decompressed, buffer_size=1 << 16), decompressed
    return stream, None


def bom_encoding(data: bytes) -> tuple[str | None, int]:
    for bom, name in BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None, 0


def binary_kind(head: bytes) -> str | None:
    """What a binary input is ("a PDF document"), or None for text."""
    for magic, what in BINARY_MAGIC:
        if head.startswith(magic):
            return what
    if bom_encoding(head)[0] not in (None, "utf-8"):
        return None
    if b"\x00" in head:
        return "binary data"
    controls = sum(1 for b in head if b < 32 and b not in ALLOWED_CONTROLS)
    if head and controls > 0.05 * len(head):
        return "binary data"
    return None


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset an HTTP Content-Type, an XML declaration or a <meta> tag declares, if Python knows it."""
    candidates = []
    if content_type and "charset=" in content_type.lower():
        candidates.append(content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'"))
    head = data[:4096]
    for pattern in (XML_ENCODING, META_CHARSET):
        m = pattern.search(head)
        if m:
            candidates.append(m.group(1).decode("ascii", "ignore"))
    for name in candidates:
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            continue
        if codec.startswith(("utf-16", "utf-32")):
            continue  # said in ASCII, so not true
        return {"iso8859-1": "cp1252", "ascii": "utf-8"}.get(codec, codec)  # as browsers read them
    return None


class Decoded(NamedTuple):
    """Text from bytes. `detected`: the encoding guessed for bytes that were not UTF-8 (nor declared);
    `replaced`: the number of byte sequences no encoding explained, replaced by U+FFFD."""

    text: str
    replaced: int = 0
    detected: str | None = None

    def warnings(self, doc_id: str, origin: str) -> list[CodingError]:
        found = []
        if self.detected:
            found.append(ingest_error(doc_id, "detected_encoding", f"{origin}: not UTF-8; decoded as "
                                                                   f"{self.detected} (detected)"))
        if self.replaced:
            found.append(ingest_error(doc_id, "invalid_utf8", f"{origin}: {self.replaced} invalid byte sequence(s) "
                                                              "replaced by U+FFFD"))
        return found


# A short Latin-1 text reads as valid UTF-16 too ("Müller"): without a byte order mark, never guess those.
NO_GUESS = ["utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be", "utf_7"]


def decode(data: bytes, charset: str | None = None) -> Decoded:
    """A byte order mark wins, then the declared charset, then UTF-8. Bytes that are not UTF-8 anywhere (no
    valid multi-byte sequence) are decoded in the encoding charset-normalizer detects; in UTF-8 text with a few
    broken bytes, or when nothing is detected, only the broken bytes are replaced by U+FFFD."""
    bom, skip = bom_encoding(data)
    encoding = bom or charset or "utf-8"
    body = data[skip:]
    try:
        return Decoded(body.decode(encoding))
    except UnicodeDecodeError:
        pass
    text = body.decode(encoding, errors="replace")
    replaced = max(1, text.count("\ufffd") - data.count(codecs.encode("\ufffd", "utf-8")))
    if bom or charset or any(ord(c) > 127 and c != "\ufffd" for c in text):
        return Decoded(text, replaced)
    matches = charset_normalizer.from_bytes(body, cp_exclusion=NO_GUESS)
    best = matches.best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return Decoded(text, replaced)
    # A few accented letters in English text fit several 8-bit code pages equally well: Windows-1252, by far
    # the most common in news, wins a tie.
    for match in matches:
        if (match.chaos, match.coherence) == (best.chaos, best.coherence) and "cp1252" in match.could_be_from_charset:
            return Decoded(body.decode("cp1252"), 0, "cp1252")
    return Decoded(str(best), 0, codecs.lookup(best.encoding).name)


def suffixes_of(name: str) -> list[str]:
    return [s.lower() for s in re.findall(r"\.[^./\\]+", name.rsplit("/", 1)[-1])]


def doc_id_from_name(name: str) -> str:
    """`reports/2022/kyiv.html.gz` -> `reports/2022/kyiv`: the known format suffixes come off."""
    stem = name
    while True:
        head, dot, suffix = stem.rpartition(".")
        if not dot or not head or head.endswith("/") or f".{suffix.lower()}" not in DOC_SUFFIXES:
            return stem
        stem = head


def sniff(head: bytes, suffixes: list[str]) -> str:
    """One of: binary, warc, jsonl, json (a JSON array or a single object, else text), feed, html, xml, text."""
    if head.lstrip().startswith(b"WARC/"):  # before the binary test: WARC records hold images too
        return "warc"
    if binary_kind(head):
        return "binary"
    bom, skip = bom_encoding(head)
    sample = head[skip:].decode(bom or "utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if sample.startswith("{"):
        first, newline, _ = sample.partition("\n")
        if newline:
            try:
                if isinstance(json.loads(first), dict):
                    return "jsonl"
            except ValueError:
                pass
            return "jsonl" if set(suffixes) & JSON_SUFFIXES - {".json"} else "json"
        return "jsonl" if sample.startswith('{"') or set(suffixes) & JSON_SUFFIXES else "json"
    if sample.startswith("["):
        return "json"
    if sample.startswith("<"):
        m = ROOT_TAG.match(sample)
        root = m.group(1).lower() if m else None
        if root in FEED_ROOTS:
            return "feed"
        if root in HTML_ROOTS or set(suffixes) & HTML_SUFFIXES or re.search(r"<(?:p|div|body|br)\b", sample, re.I):
            return "html"
        if root is not None and sample.startswith("<?xml"):
            return "xml"
        if root is not None:
            return "html"
    return "text"

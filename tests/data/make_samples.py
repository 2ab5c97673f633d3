"""Regenerate the binary and non-UTF-8 samples in tests/data/samples/ (deterministic bytes):

    python tests/data/make_samples.py

The text samples beside them (HTML, RSS, Atom, .txt, .jsonl) are committed as written. Everything here is built
from examples/istanbul-talks.txt, those samples and short news-style sentences written for the tests.
"""

from __future__ import annotations

import gzip
import io
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = HERE / "samples"
ROOT = HERE.parents[1]

ARTICLES = [
    {"id": "kenya-haiti", "pub_date": "2023-07-30", "title": "Kenya offers police for Haiti",
     "text": "Kenya offered on Saturday to send 1,000 police officers to Haiti to help restore order, the foreign "
             "ministry said."},
    {"id": "china-taiwan-arms", "pub_date": "2022-09-03",
     "text": "China's foreign ministry criticised the United States on Saturday for approving the sale of weapons "
             "to Taiwan and threatened countermeasures."},
    {"id": "html-record", "url": "https://news.example.org/asia/seoul-tokyo",
     "html": "<html><head><title>Seoul and Tokyo agree to talks</title>"
             "<meta property='article:published_time' content='2023-03-16'></head><body><article>"
             "<h1>Seoul and Tokyo agree to talks</h1><p>South Korea and Japan agreed on Thursday to resume regular "
             "security talks after a summit in Tokyo, officials said.</p></article></body></html>"},
]
MINSK_PAGE = """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Police detain protesters in Minsk</title>
</head>
<body>
<div id="menu"><a href="/">Front page</a> <a href="/europe">Europe</a></div>
<div class="story">
<h1>Police detain protesters in Minsk</h1>
<p>Published: 14 September 2020</p>
<p>Police in Belarus detained dozens of protesters in Minsk on Sunday, the rights group Viasna said. The
demonstrators had marched towards the presidential residence to demand new elections.</p>
<p>Belarus\u2019s opposition leader called on the European Union to impose sanctions on officials responsible
for the crackdown. \u201cWe need action, not statements,\u201d she told reporters in Vilnius.</p>
</div>
<div class="footer">Contact us | Advertise</div>
</body>
</html>
"""
LATIN1_TEXT = """French police question suspects after attack in Nice

Police in Nice questioned three suspects on Friday after an attack near the Caf\u00e9 de la Gare, the interior
minister G\u00e9rald Darmanin said. The minister promised more patrols in the city centre.
"""
UNDATED_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Pakistan floods: UN appeals for aid</title></head>
<body><article><h1>UN appeals for aid for Pakistan flood victims</h1>
<p>The United Nations appealed on Tuesday for 160 million dollars in aid for victims of the floods in Pakistan,
which have killed more than a thousand people.</p>
<p>The World Food Programme said it would send food to the province of Sindh.</p></article></body></html>
"""


def write(name: str, data: bytes) -> None:
    (SAMPLES / name).write_bytes(data)
    print(f"{name}: {len(data)} bytes")


def jsonl(records: list[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def warc() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    counter = iter(range(1, 100))

    def headers(date: str) -> dict:
        return {"WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{next(counter):012d}>", "WARC-Date": date}

    def response(uri: str, body: bytes, content_type: str, date: str, status: str = "200 OK", extra=()):
        http = StatusAndHeaders(status, [("Content-Type", content_type), *extra], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=http, warc_headers_dict=headers(date)))

    info = writer.create_warcinfo_record("sample.warc.gz", {"software": "eventcoder tests/data/make_samples.py"})
    info.rec_headers.replace_header("WARC-Date", "2022-03-31T00:00:00Z")
    info.rec_headers.replace_header("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000000>")
    writer.write_record(info)
    istanbul = (SAMPLES / "istanbul-talks.html").read_bytes()
    request = StatusAndHeaders("GET /world/2022/03/30/istanbul-talks.html HTTP/1.1",
                               [("Host", "news.example.org")], is_http_request=True)
    writer.write_record(writer.create_warc_record(
        "https://news.example.org/world/2022/03/30/istanbul-talks.html", "request", http_headers=request,
        warc_headers_dict=headers("2022-03-31T06:00:00Z")))
    response("https://news.example.org/world/2022/03/30/istanbul-talks.html", istanbul,
             "text/html; charset=utf-8", "2022-03-31T06:00:00Z")
    response("https://news.example.org/asia/pakistan-floods", UNDATED_PAGE.encode("utf-8"), "text/html",
             "2022-08-31T07:30:00Z")
    response("https://news.example.org/old-url", b"", "text/html", "2022-08-31T07:31:00Z",
             "301 Moved Permanently", [("Location", "https://news.example.org/new-url")])
    response("https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(64)), "image/png",
             "2022-08-31T07:32:00Z")
    return buffer.getvalue()


# A folder holding everything a batch must survive, and what becomes of each entry (files coded or the reason
# each is named with). Built at run time: symbolic links, a FIFO and a 20 MB file do not belong in git.
BAD_FOLDER = {
    "empty.txt": "empty", "binary.bin": "binary", "nul.txt": "binary", "big.txt": "too_large",
    "broken.jsonl": ["coded", "invalid_json", "coded"], "latin1.txt": "coded", "german.txt": "language",
    "loop-a": "symlink_loop", "loop-b": "symlink_loop", "broken-link.txt": "broken_link", "fifo": "special_file",
    "unpunctuated.txt": "coded", "good.txt": "coded",
}


def bad_input_folder(folder: Path) -> Path:
    """Make the bad-input folder in `folder` (see BAD_FOLDER)."""
    import os

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    rng = random.Random(3)
    (folder / "binary.bin").write_bytes(bytes(rng.randrange(256) for _ in range(3000)))
    (folder / "nul.txt").write_bytes(b"Russian troops shelled\x00 Kharkiv on Monday.\n")
    line = b"Protesters marched through central Paris on Monday. "
    (folder / "big.txt").write_bytes(line * (20_000_000 // len(line) + 1))
    (folder / "broken.jsonl").write_bytes(jsonl([{"id": "before", "text": "Israel struck Gaza on Monday.",
                                                  "pub_date": "2023-10-10"}]) + b"{broken\n" + jsonl(
        [{"id": "after", "text": "Iran condemned the strike on Tuesday.", "pub_date": "2023-10-11"}]))
    (folder / "latin1.txt").write_bytes("Police arrested 12 protesters in Besançon on Monday, the préfecture said."
                                        .encode("latin-1"))
    (folder / "german.txt").write_text("Die Bundesregierung hat am Montag neue Sanktionen gegen Russland "
                                       "beschlossen, teilte das Auswärtige Amt in Berlin mit.", encoding="utf-8")
    (folder / "loop-a").symlink_to(folder / "loop-b")
    (folder / "loop-b").symlink_to(folder / "loop-a")
    (folder / "broken-link.txt").symlink_to(folder / "nowhere.txt")
    os.mkfifo(folder / "fifo")
    words = ["the", "minister", "met", "officials", "and", "troops", "attacked", "positions", "while", "police",
             "arrested", "protesters", "near", "border", "talks", "continued"]
    (folder / "unpunctuated.txt").write_text(" ".join(rng.choice(words) for _ in range(17_000))[:100_000])
    (folder / "good.txt").write_text("Russia and Ukraine held talks in Istanbul on Tuesday.")
    return folder


def main() -> None:
    SAMPLES.mkdir(exist_ok=True)
    write("minsk-protest.htm", MINSK_PAGE.encode("cp1252"))
    write("latin1-article.txt", LATIN1_TEXT.encode("latin-1"))
    write("articles.jsonl.gz", gzip.compress(jsonl(ARTICLES), mtime=0))
    many = [dict(a, id=f"{a['id']}-{n}") for n in range(3) for a in ARTICLES[:2]]
    whole = gzip.compress(jsonl(many), mtime=0)
    write("truncated.jsonl.gz", whole[: len(whole) * 2 // 3])
    rng = random.Random(7)
    write("binary.dat", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(2000)))
    write("crawl.warc.gz", warc())


if __name__ == "__main__":
    main()

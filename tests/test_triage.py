"""Sentence triage: event-free sentences are left unparsed, and nothing a user reads changes."""

import datetime as dt

import pytest

from conftest import REPORT
from eventcoder import Coder, Document
from eventcoder.settings import Settings

FILLER = [
    "Arsenal beat Leeds 3-1 on Saturday, with a late goal from the substitute sealing the win.",
    "The museum's new exhibition of early photographs opens next week and runs until the end of the summer.",
    "A cold front will bring strong winds to the coast before skies clear by the weekend.",
    "The bakery on the high street has won a regional award for its sourdough for the third year running.",
]


@pytest.fixture(scope="module")
def untriaged() -> Coder:
    return Coder(Settings(triage=False))


@pytest.fixture(scope="module")
def long_read() -> Document:
    """The example report with paragraphs of sports, weather and culture news between its own."""
    paragraphs = REPORT.read_text(encoding="utf-8").split("\n\n")
    mixed = []
    for n, paragraph in enumerate(paragraphs):
        mixed.append(paragraph)
        if n % 3 == 2:
            mixed.append(" ".join(FILLER))
    return Document(id="long", text="\n\n".join(mixed), pub_date=dt.date(2022, 3, 30))


def test_filler_is_skipped_and_news_is_parsed(coder):
    plan = coder.triage.plan(" ".join(FILLER) + " Russian troops shelled Kharkiv on Monday, killing 12 people.")
    skipped = [run for run in plan if not run[2]]
    assert len(plan) == 2 and skipped and plan[-1][2]


def test_a_figure_is_parsed_only_with_what_it_counts(coder):
    sentences = {text: coder.triage.needs_parse(next(coder.triage.sentencizer(coder.nlp.make_doc(text)).sents))
                 for text in ("The match was delayed by 45 minutes because of heavy rain.",
                              "The toll, which the ministry published on Friday, stood at about 860.",
                              "Shares of the firm rose 4 percent in early trading.")}
    assert list(sentences.values()) == [False, True, True]


def test_short_regular_verbs_are_read_by_their_stem(coder):
    """"died" and "dies" have stems of two letters; the figure they count must not be skipped."""
    sentence = next(coder.triage.sentencizer(coder.nlp.make_doc("Kyiv said 300 North Koreans had died.")).sents)
    assert coder.triage.needs_parse(sentence)
    assert {"die"} <= coder.triage.lemmas("died") and {"die"} <= coder.triage.lemmas("dies")


def test_records_are_the_same_with_and_without_triage(coder, untriaged, long_read):
    fast, full = next(coder.code([long_read])), next(untriaged.code([long_read]))
    assert [e.model_dump() for e in fast.events] == [e.model_dump() for e in full.events]
    assert [c.model_dump() for c in fast.claims] == [c.model_dump() for c in full.claims]
    assert [q.model_dump() for q in fast.quotes] == [q.model_dump() for q in full.quotes]
    assert [p.model_dump() for p in fast.proposals] == [p.model_dump() for p in full.proposals]
    assert sum(b - a for a, b, parse in coder.triage.plan(long_read.text) if not parse) > 500


def test_a_triaged_document_keeps_every_character(coder, long_read):
    doc = next(coder.triage.parse([long_read.text]))
    assert doc.text == long_read.text
    assert all(sentence.text for sentence in doc.sents)


def test_a_party_named_by_its_relation_is_an_actor_to_triage(coder):
    """"His host called the visit a disappointment": a counterpart noun stands for a party named before."""
    sentence = next(coder.triage.sentencizer(coder.nlp.make_doc(
        "His host had publicly called that visit a huge disappointment.")).sents)
    assert coder.triage.needs_parse(sentence)


def test_an_unnamed_crowd_is_an_actor_to_triage(coder, untriaged):
    """"Thousands streamed into the park, chanting slogans": the crowd protests, though no one is named."""
    text = "Police banned the vigil. Thousands defied the order and streamed into the park, chanting slogans."
    document = Document(id="d", text=text, pub_date=dt.date(2024, 3, 12))
    kinds = [[e.event_type for e in next(c.code([document])).events] for c in (coder, untriaged)]
    assert kinds[0] == kinds[1] and "PROTEST" in kinds[0]


def test_a_person_named_again_by_surname_is_an_actor_to_triage(coder, untriaged):
    """"leader Carrie Lam ... Lam has since apologised": the surname stands for the person named before."""
    text = ("Hundreds of thousands marched through Hong Kong on Sunday demanding the resignation of leader Carrie Lam. "
            "Lam has since apologised for the turmoil but stopped short of scrapping the legislation.")
    document = Document(id="d", text=text, pub_date=dt.date(2019, 6, 17))
    kinds = [sorted(e.trigger for e in next(c.code([document])).events) for c in (coder, untriaged)]
    assert kinds[0] == kinds[1] and "scrapping" in kinds[0]

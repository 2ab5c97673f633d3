"""Actor resolution on real phrases: metonymy, sectors with country modifiers, roles at a date, coordination."""

import datetime as dt

import pytest

from eventcoder.actors.resolver import DocumentActors


def resolve(coder, text, head_text, day="2022-03-30"):
    doc = coder.nlp(text)
    actors = DocumentActors(doc, coder.matcher(doc), coder.kb, dt.date.fromisoformat(day))
    head = next(t for t in doc if t.text == head_text)
    return [(r.actor.country, r.actor.type) for r in actors.resolve(head)], actors.resolve(head)


@pytest.mark.parametrize(
    ("text", "head", "expected"),
    [
        ("The Kremlin said talks were useful.", "Kremlin", ("RUS", "GOV")),
        ("The Pentagon said talks were useful.", "Pentagon", ("USA", "MIL")),
        ("Washington said talks were useful.", "Washington", ("USA", "GOV")),
        ("Downing Street said talks were useful.", "Street", ("GBR", "GOV")),
        ("Russian troops shelled the town.", "troops", ("RUS", "MIL")),
        ("The Ukrainian secret service (SBU) arrested him.", "service", ("UKR", "SPY")),
        ("Police in Hong Kong arrested 53 activists.", "Police", ("HKG", "COP")),
        ("Turkey's foreign minister warned Sweden.", "minister", ("TUR", "GOV")),
        ("Yemen's Houthi rebels released 42 detainees.", "rebels", ("YEM", "REB")),
        ("NATO foreign ministers met in Brussels.", "ministers", ("NATO", "IGO")),
        ("A Moscow court fined Google.", "court", ("RUS", "JUD")),
        ("Biden called him a butcher.", "Biden", ("USA", "GOV")),
    ],
)
def test_single_actor(coder, text, head, expected):
    found, _ = resolve(coder, text, head)
    assert found == [expected]


def test_coordinated_modifiers_give_two_actors(coder):
    found, _ = resolve(coder, "The Russian and Ukrainian negotiating teams met on Tuesday.", "teams")
    assert found == [("RUS", "GOV"), ("UKR", "GOV")]


def test_title_resolves_to_office_holder_at_the_date(coder):
    _, resolved = resolve(coder, "Ukraine's President said he would not give up territory.", "President")
    assert resolved[0].actor.name == "Volodymyr Zelensky"
    assert (resolved[0].actor.country, resolved[0].actor.type) == ("UKR", "GOV")


def test_roles_are_time_bounded(coder):
    _, as_president = resolve(coder, "Biden spoke on Monday.", "Biden", day="2022-03-30")
    _, as_vice_president = resolve(coder, "Biden spoke on Monday.", "Biden", day="2012-03-30")
    assert as_president[0].actor.role == "president"
    assert as_vice_president[0].actor.role == "vice president"


def test_pronoun_takes_the_reporting_subject(coder):
    found, _ = resolve(coder, "Russia declared that it would reduce its operations.", "it")
    assert found == [("RUS", "GOV")]


def test_definite_description_refers_back(coder):
    text = ("The International Atomic Energy Agency said on Wednesday that Iran had barred its inspectors. "
            "The agency's chief condemned the move.")
    found, _ = resolve(coder, text, "chief")
    assert found == [("IAEA", "IGO")]


def test_the_country_refers_to_the_last_country_named(coder):
    found, _ = resolve(coder, "Mali expelled the French ambassador. The country's junta said it acted alone.",
                       "junta")
    assert found == [("MLI", "GOV")]

"""Constructions the coder reads, one test sentence of our own each (session 16 onwards; earlier ones are in
test_coder_readings.py and test_coder_constructions.py)."""

from conftest import dyads


def test_two_verbal_acts_of_different_kinds_each_on_its_own_object_are_two_events(code):
    events = code("Ankara condemned the shelling as an act of aggression and summoned the Syrian envoy on Monday.",
                  "2024-03-12")
    assert sorted(e.trigger for e in events if e.event_type == "ACCUSE") == ["condemned", "summoned"]
    assert ("ACCUSE", "TUR", "SYR") in dyads(events)
    # one act told twice stays one event
    events = code("Ankara condemned and denounced the shelling of its border posts by Syrian troops.", "2024-03-12")
    assert len([e for e in events if e.event_type == "ACCUSE"]) == 1

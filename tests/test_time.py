import datetime as dt

import pytest

from eventcoder.time import resolve_date

PUB = dt.date(2022, 3, 30)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("on Tuesday", "2022-03-29", "day"),
        ("Saturday", "2022-03-26", "day"),
        ("on Wednesday", "2022-03-30", "day"),
        ("yesterday", "2022-03-29", "day"),
        ("earlier this month", "2022-03", "month"),
        ("last month", "2022-02", "month"),
        ("in March 2021", "2021-03", "month"),
        ("June 4, 2024", "2024-06-04", "day"),
        ("30 August 2021", "2021-08-30", "day"),
        ("2023-05-14", "2023-05-14", "day"),
        ("in 2019", "2019", "year"),
        ("last year", "2021", "year"),
        ("March 14", "2022-03-14", "day"),
    ],
)
def test_resolves_against_publication_date(text, value, precision):
    resolved = resolve_date(text, PUB)
    assert (resolved.value, resolved.precision) == (value, precision)


def test_future_weekday_looks_forward():
    assert resolve_date("on Friday", PUB, future=True).value == "2022-04-01"


def test_last_week_is_month_only_when_the_week_lies_in_one_month():
    assert resolve_date("last week", PUB).value == "2022-03"
    assert resolve_date("last week", dt.date(2022, 3, 2)).value == "2022-02"  # 21-27 February
    assert resolve_date("last week", dt.date(2022, 3, 9)) is None  # 28 February - 6 March


@pytest.mark.parametrize("text", ["the past month", "for two days", "decades", "since 2014", "the next 15 years"])
def test_durations_are_not_dates(text):
    assert resolve_date(text, PUB) is None

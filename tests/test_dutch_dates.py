"""parse_date, format_date_nl and extract_weeks (periods: test_dutch_periods.py).

Unless a test says otherwise, today is maandag 23 november 2026.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.dutch.dates import (
    DateFound,
    DateUnclear,
    NoDate,
    extract_weeks,
    format_date_nl,
    parse_date,
    warm_up,
)
from bot.dutch.dates import patterns as dutch_patterns

TODAY = date(2026, 11, 23)  # a Monday
WEDNESDAY = date(2026, 11, 25)


def found(text: str, today: date = TODAY, *, allow_future: bool = False) -> date:
    result = parse_date(text, today, allow_future=allow_future)
    assert isinstance(result, DateFound), f"{text!r} gave {result}"
    return result.value


def unclear(text: str, today: date = TODAY, *, allow_future: bool = False) -> DateUnclear:
    result = parse_date(text, today, allow_future=allow_future)
    assert isinstance(result, DateUnclear), f"{text!r} gave {result}"
    return result


# --- dates that must be found -------------------------------------------------------------

FULL_DATES = [
    ("3 maart 2025", date(2025, 3, 3)),
    ("3 mrt '25", date(2025, 3, 3)),
    ("3 mrt ’25", date(2025, 3, 3)),
    ("3 mrt. 2025", date(2025, 3, 3)),
    ("3 mrt 25", date(2025, 3, 3)),
    ("3 maart, 2025", date(2025, 3, 3)),
    ("03-03-2025", date(2025, 3, 3)),
    ("3/3/2025", date(2025, 3, 3)),
    ("3.3.2025", date(2025, 3, 3)),
    ("2025-03-03", date(2025, 3, 3)),
    ("3-3-25", date(2025, 3, 3)),
    ("03-04-2025", date(2025, 4, 3)),  # Dutch order: day-month-year
    ("2025-04-03", date(2025, 4, 3)),  # ISO: year-month-day
    ("13/3/2025", date(2025, 3, 13)),
    ("3 Maart 2025", date(2025, 3, 3)),
    ("3 MAART 2025", date(2025, 3, 3)),
    ("3maart2025", date(2025, 3, 3)),
    ("3e maart 2025", date(2025, 3, 3)),
    ("1ste april 2025", date(2025, 4, 1)),
    ("12 sept 2024", date(2024, 9, 12)),
    ("12 sep. 2024", date(2024, 9, 12)),
    ("5 okt 2024", date(2024, 10, 5)),
    ("5 oct 2024", date(2024, 10, 5)),
    ("17 febr 2025", date(2025, 2, 17)),
    ("17 febuari 2025", date(2025, 2, 17)),
    ("29 februari 2024", date(2024, 2, 29)),
    ("1 mei 2002", date(2002, 5, 1)),
    ("maandag 3 maart 2025", date(2025, 3, 3)),
    ("ma. 3 mrt 2025", date(2025, 3, 3)),
    ("maandag 03-03-2025", date(2025, 3, 3)),
    ("dinsdag, 3 maart 2026", date(2026, 3, 3)),
    ("3 maart 2025 om 10:00", date(2025, 3, 3)),
]

WITHOUT_YEAR = [
    ("3 maart", date(2026, 3, 3)),
    ("3 mrt", date(2026, 3, 3)),
    ("25 december", date(2025, 12, 25)),  # the most recent past 25 december
    ("23 november", date(2026, 11, 23)),  # today counts
    ("22 november", date(2026, 11, 22)),
    ("8 december", date(2025, 12, 8)),  # 15 days ahead: far enough to mean last year
    ("1 januari", date(2026, 1, 1)),
    ("31 oktober", date(2026, 10, 31)),
    ("drie maart", date(2026, 3, 3)),
    ("de derde maart", date(2026, 3, 3)),
    ("eenentwintig januari", date(2026, 1, 21)),
    ("éénentwintig januari", date(2026, 1, 21)),
    ("tweeëntwintig januari", date(2026, 1, 22)),
    ("eenendertigste mei", date(2026, 5, 31)),
    ("de 3e maart", date(2026, 3, 3)),
    ("1 april jl.", date(2026, 4, 1)),
    ("12 oktober jongstleden", date(2026, 10, 12)),
    ("dinsdag 3 maart", date(2026, 3, 3)),  # weekday matches
    ("3 maart vorig jaar", date(2025, 3, 3)),
    ("3 maart van vorig jaar", date(2025, 3, 3)),
    ("vorig jaar op 3 mei", date(2025, 5, 3)),
    ("3 maart dit jaar", date(2026, 3, 3)),
    ("in 2025 op 3 maart", date(2025, 3, 3)),
    ("eerste kerstdag", date(2025, 12, 25)),
    ("nieuwjaarsdag", date(2026, 1, 1)),
    ("de 3e van vorige maand", date(2026, 10, 3)),
    ("de tiende van deze maand", date(2026, 11, 10)),
    ("vorige maand op de 12e", date(2026, 10, 12)),
]

RELATIVE = [
    ("vandaag", date(2026, 11, 23)),
    ("vanochtend", date(2026, 11, 23)),
    ("gisteren", date(2026, 11, 22)),
    ("gister", date(2026, 11, 22)),
    ("gisteravond", date(2026, 11, 22)),
    ("eergisteren", date(2026, 11, 21)),
    ("afgelopen maandag", date(2026, 11, 16)),  # strictly before today
    ("afgelopen vrijdag", date(2026, 11, 20)),
    ("vrijdag jl.", date(2026, 11, 20)),
    ("vorige week dinsdag", date(2026, 11, 17)),
    ("vorige week op dinsdag", date(2026, 11, 17)),
    ("dinsdag vorige week", date(2026, 11, 17)),
    ("dinsdag van vorige week", date(2026, 11, 17)),
    ("maandag vorige week", date(2026, 11, 16)),
    ("verleden week woensdag", date(2026, 11, 18)),
    ("vorige maandag", date(2026, 11, 16)),  # both readings agree on a Monday
    ("vorige dinsdag", date(2026, 11, 17)),
    ("zondag", date(2026, 11, 22)),
    ("sinds vrijdag", date(2026, 11, 20)),
    ("deze week maandag", date(2026, 11, 23)),
]

TIME_AGO = [
    ("twee weken geleden", date(2026, 11, 9)),
    ("2 weken geleden", date(2026, 11, 9)),
    ("3 maanden geleden", date(2026, 8, 23)),
    ("een maand geleden", date(2026, 10, 23)),
    ("een week geleden", date(2026, 11, 16)),
    ("sinds 10 dagen", date(2026, 11, 13)),
    ("sinds twee weken", date(2026, 11, 9)),
    ("een half jaar geleden", date(2026, 5, 23)),
    ("een halfjaar geleden", date(2026, 5, 23)),
    ("anderhalf jaar geleden", date(2025, 5, 23)),
    ("een jaar geleden", date(2025, 11, 23)),
    ("1 jaar en 2 maanden geleden", date(2025, 9, 23)),
    ("2 weken en 3 dagen geleden", date(2026, 11, 6)),
    ("drie dagen terug", date(2026, 11, 20)),
    ("ik ben al drie weken ziek", date(2026, 11, 2)),
    ("hij is al 12 weken thuis", date(2026, 8, 31)),
    ("een kwartaal geleden", date(2026, 8, 23)),
]

IN_SENTENCES = [
    ("ik ben sinds 12 oktober ziek", date(2026, 10, 12)),
    ("mijn werknemer is sinds 3 maart ziek, wat moet ik wanneer doen?", date(2026, 3, 3)),
    (
        "ik ben ziek sinds 5 januari 2026, wanneer moet de probleemanalyse klaar zijn?",
        date(2026, 1, 5),
    ),
    ("Sinds 12 Oktober ben ik ziek.", date(2026, 10, 12)),
    ("hij meldde zich op 3-3-2026 ziek", date(2026, 3, 3)),
    ("per 1 januari is zij uitgevallen", date(2026, 1, 1)),
    ("sinds 12-10 ziek", date(2026, 10, 12)),
    ("50% arbeidsongeschikt sinds 3 maart", date(2026, 3, 3)),
    ("ziek sinds 3 maart, spoor 2 loopt, week 42 gesprek", date(2026, 3, 3)),
    # Two dates, but only one is clearly the start of the sickness.
    ("sinds 3 maart ziek, gesprek met de bedrijfsarts op 10 april", date(2026, 3, 3)),
    (
        "hij is 3 maart ziek geworden en had op 10 april een gesprek met de bedrijfsarts",
        date(2026, 3, 3),
    ),
    ("ik ben sinds 3 maart ziek, wat moet ik vandaag doen?", date(2026, 3, 3)),
    ("ik ben vorig jaar ook ziek geweest, nu sinds 3 maart", date(2026, 3, 3)),
    # Two spellings of the same day are fine.
    ("gisteren (22 november)", date(2026, 11, 22)),
    ("3 maart 2025, dus 03-03-2025", date(2025, 3, 3)),
    # A hedge still names one day.
    ("ik denk 3 maart", date(2026, 3, 3)),
]


@pytest.mark.parametrize(
    ("text", "expected"), FULL_DATES + WITHOUT_YEAR + RELATIVE + TIME_AGO + IN_SENTENCES
)
def test_found(text: str, expected: date) -> None:
    assert found(text) == expected


def test_matched_is_the_users_own_text() -> None:
    assert parse_date("Ik ben sinds 12 Oktober ziek", TODAY) == DateFound(
        date(2026, 10, 12), "12 Oktober"
    )


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("25 december", date(2026, 12, 28), date(2026, 12, 25)),
        ("3 maart", date(2026, 2, 1), date(2025, 3, 3)),
        ("3 maart", date(2026, 3, 3), date(2026, 3, 3)),
        ("29 februari", date(2025, 3, 1), date(2024, 2, 29)),
        ("sinds maandag", WEDNESDAY, date(2026, 11, 23)),
        ("afgelopen maandag", WEDNESDAY, date(2026, 11, 23)),
        ("vorige week maandag", WEDNESDAY, date(2026, 11, 16)),
        ("vorige vrijdag", WEDNESDAY, date(2026, 11, 20)),
        ("dinsdag", WEDNESDAY, date(2026, 11, 24)),
        ("een maand geleden", date(2026, 3, 31), date(2026, 2, 28)),  # clipped to month end
        ("de 3e van vorige maand", date(2026, 1, 15), date(2025, 12, 3)),
        ("gisteren", date(2026, 1, 1), date(2025, 12, 31)),
    ],
)
def test_found_with_other_today(text: str, today: date, expected: date) -> None:
    assert found(text, today) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("morgen", date(2026, 11, 24)),
        ("overmorgen", date(2026, 11, 25)),
        ("3 december", date(2026, 12, 3)),  # nearest occurrence
        ("3 maart", date(2027, 3, 3)),
        ("3 december a.s.", date(2026, 12, 3)),
        ("3 maart jl.", date(2026, 3, 3)),
        ("komende vrijdag", date(2026, 11, 27)),
        ("aanstaande maandag", date(2026, 11, 30)),
        ("volgende week dinsdag", date(2026, 12, 1)),
        ("over twee weken", date(2026, 12, 7)),
        ("over 3 maanden", date(2027, 2, 23)),
        ("3 december 2026", date(2026, 12, 3)),
    ],
)
def test_found_in_future_when_allowed(text: str, expected: date) -> None:
    assert found(text, allow_future=True) == expected


# --- ask back -------------------------------------------------------------------------------

ASK_BACK = [
    # vague
    ("begin januari", "vague"),
    ("eind vorig jaar", "vague"),
    ("vorig jaar", "vague"),
    ("in de zomer", "vague"),
    ("een paar weken geleden", "vague"),
    ("lang geleden", "vague"),
    ("een tijdje geleden", "vague"),
    ("half maart", "vague"),
    ("medio 2025", "vague"),
    ("in maart", "vague"),
    ("sinds januari 2026", "vague"),
    ("vorige maand", "vague"),
    ("afgelopen week", "vague"),
    ("rond kerst", "vague"),
    ("in 2025", "vague"),
    ("2025", "vague"),
    ("sinds week 42", "vague"),
    ("sinds de 3e", "vague"),
    ("een week of drie geleden", "vague"),
    ("al een tijdje ziek", "vague"),
    ("weken geleden", "vague"),
    ("sinds enkele dagen", "vague"),
    ("rond 3 maart", "vague"),
    ("ongeveer twee weken geleden", "vague"),
    ("sinds ruim twee weken", "vague"),
    ("3 maart ofzo", "vague"),
    ("na 3 maart", "vague"),
    ("een week voor 3 maart", "vague"),
    ("anderhalve maand geleden", "vague"),
    ("sinds anderhalve week", "vague"),  # 10 or 11 days: we name both and ask
    # impossible
    ("31 februari", "impossible"),
    ("30-02-2025", "impossible"),
    ("32 maart", "impossible"),
    ("29 februari 2025", "impossible"),
    ("31 april", "impossible"),
    ("0 maart", "impossible"),
    ("03/25/2025", "impossible"),  # American order: month 25 does not exist
    ("3-13-2025", "impossible"),
    # future
    ("3 december 2026", "future"),
    ("morgen", "future"),
    ("24-11-2026", "future"),
    ("deze week vrijdag", "future"),
    # before 2002
    ("3 maart 1999", "before_2002"),
    ("3-3-99", "before_2002"),
    ("31-12-2001", "before_2002"),
    ("sinds 1998", "before_2002"),
    ("maart 2000", "before_2002"),
    # weekday does not match
    ("maandag 3 maart", "weekday_mismatch"),
    ("vrijdag 3-3-2025", "weekday_mismatch"),
    # ambiguous
    ("3 maart en 10 april", "ambiguous"),
    ("3 of 4 maart", "ambiguous"),
    ("3 maart of 4 maart", "ambiguous"),
    ("van 1 t/m 20 februari", "ambiguous"),
    ("Op 3 maart ziek geworden, op 10 maart ziekgemeld", "ambiguous"),
    ("gisteren, 20 november", "ambiguous"),
    ("maandag", "ambiguous"),  # today is a Monday: today or a week ago?
    ("vannacht", "ambiguous"),
    ("24 november", "ambiguous"),  # 364 days ago, or a typo for this year?
    ("29 februari", "ambiguous"),  # which leap year?
    ("in 2025 op 3 maart 2024", "vague"),
]


@pytest.mark.parametrize(("text", "reason"), ASK_BACK)
def test_asks_back(text: str, reason: str) -> None:
    result = unclear(text)
    assert result.reason == reason
    assert result.question.endswith("?") or result.question.endswith(".")
    assert "?" in result.question


@pytest.mark.parametrize(
    ("text", "today", "reason"),
    [
        ("vorige maandag", WEDNESDAY, "ambiguous"),  # 23 or 16 november
        ("afgelopen week maandag", WEDNESDAY, "ambiguous"),
        ("woensdag", WEDNESDAY, "ambiguous"),
        ("3 maart", date(2026, 2, 20), "ambiguous"),  # 3 maart 2025 or a typo?
    ],
)
def test_asks_back_with_other_today(text: str, today: date, reason: str) -> None:
    assert unclear(text, today).reason == reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [("maandag", "ambiguous"), ("volgende vrijdag", "ambiguous"), ("3 maart 1999", "before_2002")],
)
def test_asks_back_when_future_allowed(text: str, reason: str) -> None:
    assert unclear(text, WEDNESDAY, allow_future=True).reason == reason


NO_DATE = [
    "",
    "   ",
    "blabla",
    "weet ik niet",
    "123",
    "spoor 2",
    "week 42",
    "in week 42",
    "12 weken",
    "104 weken",
    "70%",
    "art. 7:629",
    "artikel 7:629 BW",
    "UWV heeft een loonsanctie van 12 weken opgelegd",
    "wat moet er na 6 weken gebeuren?",
    "hij werkt 3 dagen per week",
    "hij is al 2 dagen per week aan het werk",
    "ik werk hier al 10 jaar",
    "hij werkt elke maandag",
    "hij werkt maandag t/m vrijdag",
    "3/4 van zijn uren",
    "1.250.000 euro",
    "bel 06-12345678",
    "om 10.30 uur",
    "versie 1.2",
    "Jan is ziek",
    "het 2e ziektejaar",
    "een vraag over 104 weken",
    "goede morgen",
]


@pytest.mark.parametrize("text", NO_DATE)
def test_no_date(text: str) -> None:
    assert parse_date(text, TODAY) == NoDate()


# --- the questions themselves ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "begin januari",
            "Je schreef ‘begin januari’. Op welke dag in januari was dat precies? "
            "Noem de datum, bijvoorbeeld 3 januari 2026.",
        ),
        (
            "31 februari",
            "De datum ‘31 februari’ bestaat niet: februari heeft maar 29 dagen. "
            "Welke datum bedoel je? Noem de datum, bijvoorbeeld 3 oktober 2026.",
        ),
        (
            "maandag 3 maart",
            "3 maart 2026 was een dinsdag, geen maandag. Welke datum bedoel je? "
            "Noem de datum met het jaartal erbij.",
        ),
        (
            "3 maart 1999",
            "3 maart 1999 is vóór 2002. De Wet verbetering poortwachter geldt pas sinds 2002. "
            "Klopt het jaartal? Noem de datum, bijvoorbeeld 3 oktober 2026.",
        ),
        (
            "morgen",
            "Dinsdag 24 november 2026 ligt in de toekomst. Welke datum bedoel je? "
            "Noem een datum van vandaag of eerder, bijvoorbeeld 3 oktober 2026.",
        ),
        (
            "sinds anderhalve week",
            "Je schreef ‘sinds anderhalve week’. Dat kan donderdag 12 november 2026 of "
            "vrijdag 13 november 2026 zijn. Welke dag bedoel je?",
        ),
        (
            "3 maart en 10 april",
            "Je noemt meer dan één datum: 3 maart 2026 en 10 april 2026. Welke datum bedoel je?",
        ),
        (
            "rond 3 maart",
            "Je schreef ‘rond 3 maart’. Weet je de precieze dag? "
            "Noem de datum, bijvoorbeeld 3 oktober 2026.",
        ),
    ],
)
def test_question_wording(text: str, expected: str) -> None:
    assert unclear(text).question == expected


def test_question_example_is_in_the_past_in_january() -> None:
    question = unclear("vorig jaar", date(2027, 1, 10)).question
    assert "bijvoorbeeld 3 december 2026" in question


@pytest.mark.parametrize("text", [t for t, _ in ASK_BACK])
def test_questions_are_dutch(text: str) -> None:
    question = unclear(text).question
    assert not re.search(r"\b(?:the|which|date|please|when)\b", question, re.IGNORECASE)
    assert re.search(r"\b(?:welke|wanneer|noem|bedoelt|weet|klopt|was|in welk)\b", question, re.I)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("maart 3, 2025", date(2025, 3, 3)),
        ("3-mrt-2025", date(2025, 3, 3)),
        ("03/mrt/2025", date(2025, 3, 3)),
        ("2025 maart 3", date(2025, 3, 3)),
        ("3 - 3 - 2025", date(2025, 3, 3)),
    ],
)
def test_unusual_notations_via_dateparser(text: str, expected: date) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [("3 - 13 - 2025", "vague"), ("maart 3, 1999", "before_2002"), ("03/mrt/2099", "future")],
)
def test_unusual_notations_still_checked(text: str, reason: str) -> None:
    assert unclear(text).reason == reason


# --- format_date_nl and round trips ---------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 3, 3), "maandag 3 maart 2025"),
        (date(2026, 11, 23), "maandag 23 november 2026"),
        (date(2027, 2, 14), "zondag 14 februari 2027"),
        (date(2024, 12, 1), "zondag 1 december 2024"),
        (date(2026, 10, 9), "vrijdag 9 oktober 2026"),
    ],
)
def test_format_date_nl(day: date, expected: str) -> None:
    assert format_date_nl(day) == expected


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(2002, 1, 1), max_value=TODAY))
def test_round_trip(day: date) -> None:
    assert found(format_date_nl(day)) == day
    assert found(day.strftime("%d-%m-%Y")) == day
    assert found(day.isoformat()) == day
    assert found(f"ik ben sinds {format_date_nl(day)} ziek") == day


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2003, 1, 1), max_value=date(2040, 12, 31)))
def test_yearless_date_is_never_in_the_future(today: date) -> None:
    for text in ("3 maart", "31 december", "1 januari", "15 juli"):
        result = parse_date(text, today)
        if isinstance(result, DateFound):
            assert result.value <= today
            assert (today - result.value).days < 366
        else:
            assert isinstance(result, DateUnclear)
            assert result.reason == "ambiguous"  # only the "almost a year ago" case


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_never_crashes(text: str) -> None:
    assert isinstance(parse_date(text, TODAY), DateFound | DateUnclear | NoDate)


# --- extract_weeks --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "keyword", "expected"),
    [
        ("UWV heeft een loonsanctie van 12 weken opgelegd", "loonsanctie", 12),
        ("UWV heeft een loonsanctie van twaalf weken opgelegd", "loonsanctie", 12),
        ("twaalf weken loonsanctie", "loonsanctie", 12),
        ("De Loonsanctie duurt 26 weken.", "loonsanctie", 26),
        ("een loonsanctie van een week", "loonsanctie", 1),
        ("loonsanctie: 52 wk", "loonsanctie", 52),
        ("de wachttijd van honderdvier weken", "wachttijd", 104),
        ("de loonsanctie van 12 weken is 3 weken geleden opgelegd", "loonsanctie", 12),
        ("3 weken geleden kreeg ik een loonsanctie", "loonsanctie", None),
        ("loonsanctie opgelegd. Hij is nu 3 weken ziek", "loonsanctie", None),
        ("geen getal bij de loonsanctie", "loonsanctie", None),
        ("12 weken", "loonsanctie", None),
        ("een loonsanctie van anderhalve week", "loonsanctie", None),
        ("verlenging van de loondoorbetaling met 52 weken", "verlenging", 52),
        ("verlenging loondoorbetaling van 26 weken", "verlenging loondoorbetaling", 26),
        ("een loonsanctie", "", None),
    ],
)
def test_extract_weeks(text: str, keyword: str, expected: int | None) -> None:
    assert extract_weeks(text, keyword) == expected


# --- import cost ------------------------------------------------------------------


def test_warm_up_covers_every_pattern() -> None:
    cached = {
        name
        for name, value in vars(dutch_patterns).items()
        if callable(value) and hasattr(value, "cache_info")
    }
    for name in cached:
        getattr(dutch_patterns, name).cache_clear()
    warm_up()
    missed = {name for name in cached if getattr(dutch_patterns, name).cache_info().currsize == 0}
    assert not missed


def test_import_is_light() -> None:
    code = (
        "import sys, bot.dutch.dates; "
        "assert 'dateparser' not in sys.modules; "
        "assert 'rasa' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)

"""The same facts give the same timeline, whatever the wording and order (issue 19, point 2).

For each case, several ways of telling it (one sentence, several messages, another order,
with corrections) go over HTTP through the real service (BOT_TODAY=2026-11-23); the timeline
the conversation shows (the `custom` payload of type "timeline" in the last reply) must equal
`POST /api/timeline` with the same facts, as a whole dict.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from tests.live_server import LiveServer

pytestmark = pytest.mark.model

Lines = tuple[str, ...]


@dataclass(frozen=True)
class Case:
    name: str
    facts: dict[str, Any]  # the body of POST /api/timeline
    wordings: tuple[Lines, ...]


def ongoing(start: str) -> list[dict[str, str | None]]:
    return [{"start": start, "end": None}]


CASES: tuple[Case, ...] = (
    Case(
        # Issue 19's persona: 24 days between the periods, they add up: pay ends 24-3-2027.
        "persona_twee_periodes",
        {
            "sick_periods": [
                {"start": "2025-03-03", "end": "2025-04-25"},
                {"start": "2025-05-20", "end": None},
            ]
        },
        (
            (
                "ik was ziek van 3 maart tot 25 april 2025 en ben sinds 20 mei 2025 weer ziek. "
                "tot wanneer krijg ik loon?",
            ),
            (
                "ik ben sinds 20 mei 2025 ziek",
                "ja",
                "daarvoor was ik ook ziek van 3 maart tot 25 april",
                "ja",
                "tot wanneer krijg ik loon?",
            ),
            (
                "ik was ziek van 3 maart 2025 tot 25 april 2025",
                "ja",
                "sinds 20 mei ben ik weer ziek",
                "ja",
                "hoe lang krijg ik nog salaris?",
            ),
            (
                "ik ben sinds 20 mei ziek",
                "nee, 2025",
                "ja",
                "van 3 maart tot 25 april was ik ook ziek",
                "ja",
                "tot wanneer krijg ik loon?",
            ),
            (
                "tot wanneer krijg ik loon? ik ben ziek sinds 20 mei 2025",
                "van 3 maart tot 25 april was ik ook al ziek",
                "ja",
            ),
            (
                "ik ben sinds 20 mei 2025 ziek",
                "ja",
                "daarvoor was ik ziek van 3 maart tot 20 april",
                "ja",
                "nee, van 3 maart tot 25 april was ik ziek",
                "ja",
                "tot wanneer krijg ik loon?",
            ),
        ),
    ),
    Case(
        "een_periode",
        {"sick_periods": ongoing("2026-01-05")},
        (
            ("ik ben sinds 5 januari 2026 ziek, tot wanneer krijg ik loon?",),
            ("5 januari 2026", "ja", "tot wanneer wordt mijn loon doorbetaald?"),
            (
                "mijn werknemer is ziek sinds 05-01-2026",
                "klopt",
                "tot wanneer moeten we doorbetalen?",
            ),
            ("ik ben sinds 7 januari 2026 ziek", "nee, de 5e bedoel ik", "ja", "tot wanneer loon?"),
            ("tot wanneer krijg ik loon?", "ik ben ziek sinds 5 januari 2026", "ja"),
            ("ik ben sinds 5 januari ziek", "ja", "hoe lang krijg ik nog salaris?"),
        ),
    ),
    Case(
        "loonsanctie",
        {"sick_periods": ongoing("2025-01-03"), "loonsanctie_weeks": 12},
        (
            (
                "mijn werknemer is sinds 3 januari 2025 ziek en UWV heeft een loonsanctie van 12 "
                "weken opgelegd. tot wanneer moeten we doorbetalen?",
            ),
            (
                "sinds 3 januari 2025 ziek",
                "ja",
                "er is een loonsanctie van 12 weken",
                "tot wanneer loon?",
            ),
            (
                "we hebben een loonsanctie van 12 weken gekregen, tot wanneer moeten we het loon "
                "doorbetalen?",
                "sinds 3 januari 2025",
                "ja",
            ),
            (
                "ik ben ziek sinds 3 januari",
                "nee, 2025",
                "ja",
                "UWV gaf een loonsanctie van 12 weken. tot wanneer krijg ik loon?",
            ),
            (
                "tot wanneer krijg ik loon? ik ben ziek sinds 3 januari 2025",
                "er is ook een loonsanctie van 12 weken opgelegd",
                "tot wanneer krijg ik loon?",
            ),
        ),
    ),
    Case(
        # Gap of 28 days: the periods do not add up, the case starts again on 21 March.
        "niet_opgeteld",
        {
            "sick_periods": [
                {"start": "2026-02-02", "end": "2026-02-20"},
                {"start": "2026-03-21", "end": None},
            ]
        },
        (
            (
                "ik was ziek van 2 februari tot 20 februari 2026 en ben sinds 21 maart 2026 weer "
                "ziek, tot wanneer krijg ik loon?",
            ),
            (
                "sinds 21 maart 2026 ziek",
                "ja",
                "daarvoor was ik ziek van 2 tot 20 februari",
                "ja",
                "tot wanneer krijg ik loon?",
            ),
            (
                "ziek van 2-2-2026 t/m 20-2-2026",
                "ja",
                "sinds 21 maart weer ziek",
                "ja",
                "tot wanneer krijg ik loon?",
            ),
            (
                "ik ben sinds 21 maart ziek",
                "ja",
                "van 2 februari tot 20 februari was ik ook ziek",
                "ja",
                "tot wanneer krijg ik loon?",
            ),
            (
                "tot wanneer krijg ik loon? ik was ziek van 2 februari 2026 tot 20 februari 2026 "
                "en sinds 21 maart 2026 weer",
            ),
        ),
    ),
    Case(
        "drie_periodes",
        {
            "sick_periods": [
                {"start": "2025-01-06", "end": "2025-01-31"},
                {"start": "2025-02-14", "end": "2025-03-28"},
                {"start": "2025-04-10", "end": None},
            ]
        },
        (
            (
                "ik was ziek van 6 januari tot 31 januari 2025, van 14 februari tot 28 maart 2025 "
                "en sinds 10 april 2025 weer. tot wanneer krijg ik loon?",
            ),
            (
                "sinds 10 april 2025 ziek",
                "ja",
                "daarvoor was ik ziek van 14 februari tot 28 maart",
                "ja",
                "en daarvoor ook ziek van 6 tot 31 januari",
                "ja",
                "tot wanneer krijg ik loon?",
            ),
            (
                "van 6 januari 2025 tot 31 januari 2025 ziek",
                "ja",
                "van 14 februari tot 28 maart weer ziek",
                "ja",
                "sinds 10 april weer ziek",
                "ja",
                "tot wanneer krijg ik loon?",
            ),
            (
                "sinds 10 april 2025 ziek",
                "ja",
                "van 6 januari tot 31 januari was ik ook ziek",
                "ja",
                "en van 14 februari tot 28 maart was ik ook ziek",
                "ja",
                "tot wanneer krijg ik loon?",
            ),
            (
                "sinds 10 april 2025 ziek",
                "ja",
                "eerder ziek van 6 januari tot 31 januari en van 14 februari tot 28 maart",
                "ja",
                "tot wanneer krijg ik loon?",
            ),
        ),
    ),
    Case(
        "eerstejaarsevaluatie_geweest",
        {"sick_periods": ongoing("2025-05-20"), "eerstejaarsevaluatie_date": "2026-05-12"},
        (
            (
                "mijn werknemer is sinds 20 mei 2025 ziek, de eerstejaarsevaluatie was op 12 mei "
                "2026. tot wanneer moeten we doorbetalen?",
            ),
            (
                "sinds 20 mei 2025 ziek",
                "ja",
                "de eerstejaarsevaluatie was op 12 mei 2026",
                "tot wanneer loon?",
            ),
            (
                "de eerstejaarsevaluatie was op 12 mei, tot wanneer moeten we doorbetalen?",
                "sinds 20 mei 2025",
                "ja",
            ),
            (
                "sinds 20 mei ziek",
                "nee, 2025",
                "ja",
                "de eerstejaarsevaluatie is op 12 mei gehouden",
                "tot wanneer loon?",
            ),
            (
                "tot wanneer loon? mijn werknemer is sinds 20 mei 2025 ziek",
                "de eerstejaarsevaluatie was op 12-05-2026",
                "tot wanneer loon?",
            ),
            (
                "de eerstejaarsevaluatie was op 12 mei 2026",
                "sinds 20 mei 2025 ziek",
                "ja",
                "tot wanneer loon?",
            ),
        ),
    ),
    Case(
        "eerstejaarsevaluatie_gepland",
        {"sick_periods": ongoing("2026-02-02"), "eerstejaarsevaluatie_date": "2027-01-15"},
        (
            (
                "mijn werknemer is sinds 2 februari 2026 ziek en de eerstejaarsevaluatie staat "
                "gepland op 15 januari 2027. tot wanneer moeten we doorbetalen?",
            ),
            (
                "sinds 2 februari 2026 ziek",
                "ja",
                "de eerstejaarsevaluatie staat gepland op 15 januari",
                "tot wanneer loon?",
            ),
            (
                "sinds 2 februari ziek",
                "ja",
                "de eerstejaarsevaluatie is ingepland op 15 januari 2027",
                "tot wanneer loon?",
            ),
            (
                "de eerstejaarsevaluatie staat gepland op 15 januari, tot wanneer moeten we "
                "doorbetalen?",
                "sinds 2 februari 2026",
                "ja",
            ),
            (
                "sinds 3 februari 2026 ziek",
                "nee, de 2e bedoel ik",
                "ja",
                "de eerstejaarsevaluatie staat gepland op 15-01-2027",
                "tot wanneer loon?",
            ),
        ),
    ),
    Case(
        # The WIA-aanvraag 24 days late: the end of pay moves by as much (spec 4).
        "wia_aanvraag_te_laat",
        {"sick_periods": ongoing("2025-01-03"), "wia_aanvraag_date": "2026-11-20"},
        (
            (
                "ik ben sinds 3 januari 2025 ziek. de wia-aanvraag is ingediend op 20 november "
                "2026. tot wanneer krijg ik loon?",
            ),
            (
                "sinds 3 januari 2025 ziek",
                "ja",
                "ik heb de wia aangevraagd op 20 november",
                "tot wanneer loon?",
            ),
            (
                "tot wanneer krijg ik loon? ik ben ziek sinds 3 januari 2025",
                "ja",
                "20 november 2026",
            ),
            (
                "ik ben ziek sinds 3 januari",
                "nee, 2025",
                "ja",
                "de wia-aanvraag heb ik ingediend op 20-11-2026",
                "tot wanneer loon?",
            ),
            (
                "de wia-aanvraag is ingediend op 20 november 2026, tot wanneer krijg ik loon?",
                "sinds 3 januari 2025",
                "ja",
            ),
        ),
    ),
    Case(
        "aow",
        {"sick_periods": ongoing("2025-09-01"), "aow_date": "2027-02-01"},
        (
            (
                "mijn werknemer is sinds 1 september 2025 ziek en gaat op 1 februari 2027 met "
                "aow. tot wanneer moeten we doorbetalen?",
            ),
            (
                "sinds 1 september 2025 ziek",
                "ja",
                "zijn aow gaat in op 1 februari 2027",
                "tot wanneer loon?",
            ),
            (
                "de aow-leeftijd bereikt hij op 1 februari 2027, tot wanneer moeten we "
                "doorbetalen?",
                "sinds 1 september 2025",
                "ja",
            ),
            (
                "ziek sinds 1 september",
                "nee, 2025",
                "ja",
                "aow per 1 februari 2027",
                "tot wanneer loon?",
            ),
            (
                "tot wanneer moeten we doorbetalen? sinds 1 september 2025 ziek, aow op 1 "
                "februari 2027",
            ),
        ),
    ),
    Case(
        "spoor2_gestart",
        {"sick_periods": ongoing("2025-09-01"), "spoor2_start_date": "2026-10-01"},
        (
            (
                "mijn werknemer is sinds 1 september 2025 ziek; spoor 2 is gestart op 1 oktober "
                "2026. tot wanneer moeten we doorbetalen?",
            ),
            (
                "sinds 1 september 2025 ziek",
                "ja",
                "spoor 2 is gestart op 1 oktober",
                "tot wanneer loon?",
            ),
            (
                "spoor 2 is op 1 oktober 2026 gestart, tot wanneer moeten we doorbetalen?",
                "sinds 1 september 2025",
                "ja",
            ),
            (
                "ziek sinds 1 september",
                "nee, 2025",
                "ja",
                "spoor 2 loopt sinds 1-10-2026",
                "tot wanneer loon?",
            ),
            (
                "sinds 1 september 2025 ziek, tot wanneer loon?",
                "spoor 2 is gestart op 1 oktober 2026",
                "tot wanneer loon?",
            ),
        ),
    ),
)
WORDINGS = [(case, index) for case in CASES for index in range(len(case.wordings))]


def without_nulls(value: Any) -> Any:
    """The chat channel leaves out null fields of a custom payload ("end": null of an ongoing
    period); the API keeps them. Compare without them."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def timeline_in(reply: list[dict[str, Any]]) -> dict[str, Any]:
    customs = [m["custom"] for m in reply if (m.get("custom") or {}).get("type") == "timeline"]
    assert len(customs) == 1, [m.get("text") for m in reply]
    timeline: dict[str, Any] = customs[0]["timeline"]
    return timeline


def told(live_server: LiveServer, sender: str, lines: Lines) -> dict[str, Any]:
    """The timeline the conversation shows after the last line."""
    reply: list[dict[str, Any]] = []
    for line in lines:
        reply = live_server.chat(sender, line)
    return timeline_in(reply)


_api_cache: dict[str, dict[str, Any]] = {}


def from_api(live_server: LiveServer, case: Case) -> dict[str, Any]:
    if case.name not in _api_cache:
        response = httpx.post(f"{live_server.url}/api/timeline", json=case.facts, timeout=30)
        assert response.status_code == 200, response.text
        _api_cache[case.name] = response.json()
    return _api_cache[case.name]


def test_the_table_is_big_enough() -> None:
    assert len(CASES) >= 10
    assert all(len(case.wordings) >= 5 for case in CASES)
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize(("case", "index"), WORDINGS, ids=[f"{c.name}-{i}" for c, i in WORDINGS])
def test_every_wording_gives_the_api_timeline(
    live_server: LiveServer, case: Case, index: int
) -> None:
    expected = from_api(live_server, case)
    shown = told(live_server, f"consistency-{case.name}-{index}", case.wordings[index])
    assert without_nulls(shown) == without_nulls(expected)

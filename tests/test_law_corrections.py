"""The statements of law corrected in issue 14 (points 1 and 6), pinned against regressions.

Each test names the source the corrected statement rests on; the check date of every source is
in knowledge/sources.yml.
"""

from __future__ import annotations

import re

import pytest

from bot.faq.answers import faq_reply
from bot.knowledge.base import FaqEntry, knowledge
from tests.live_server import LiveServer, texts

CHECK_DATE_LABEL = "gecontroleerd 2 december 2026"


def entry(entry_id: str) -> FaqEntry:
    found = knowledge().entry(entry_id)
    assert found is not None, entry_id
    return found


def all_answers() -> list[tuple[str, str, str]]:
    return [(e.id, role, text) for e in knowledge().entries for role, text in e.answers.items()]


def sentences_about(text: str, word: str) -> list[str]:
    """The sentences (and list items) of an answer that contain a word."""
    parts = re.split(r"(?<=[.?!])\s+|\n", text)
    return [p for p in parts if word in p.lower()]


# 1. Dismissal for lasting refusal to cooperate: the kantonrechter dissolves the contract
#    (art. 7:669 lid 3 sub e and 7:671b lid 5 BW), after a written warning or a loonstop, and
#    the law requires a UWV deskundigenoordeel. UWV gives no "toestemming" for it.


@pytest.mark.parametrize(
    "entry_id", ["ontslagverbod", "sancties_werknemer", "passend_werk_weigeren"]
)
@pytest.mark.parametrize("role", ["werknemer", "werkgever"])
def test_dismissal_for_refusal_goes_to_the_kantonrechter(entry_id: str, role: str) -> None:
    text = entry(entry_id).answers[role]
    assert "kantonrechter" in text, (entry_id, role)
    assert "deskundigenoordeel van UWV" in text, (entry_id, role)
    assert "schriftelijk" in text and "loon" in text, (entry_id, role)
    assert "toestemming van UWV" not in text, (entry_id, role)
    assert "UWV toestemming vragen voor ontslag" not in text, (entry_id, role)
    assert "bw_7_671b" in {s.id for s in entry(entry_id).sources}


def test_deskundigenoordeel_is_required_by_law_not_usually_needed() -> None:
    employer = entry("sancties_werknemer").answers["werkgever"]
    assert "De wet eist ook een deskundigenoordeel van UWV" in employer
    assert "meestal een deskundigenoordeel" not in employer
    assert "de wet eist een deskundigenoordeel" in entry("ontslagverbod").answers["werkgever"]


def test_no_answer_lets_uwv_permit_dismissal_for_refusing() -> None:
    for entry_id, role, text in all_answers():
        for sentence in sentences_about(text, "weiger"):
            assert "toestemming" not in sentence or "UWV" not in sentence, (entry_id, role)


def test_dismissal_after_two_years_still_needs_uwv_permission() -> None:
    """Art. 7:671a BW: ontslag wegens langdurige ziekte (7:669 lid 3 sub b) gaat via UWV."""
    assert "toestemming aan UWV" in entry("ontslagverbod").answers["werkgever"]
    assert "UWV toestemming vragen" in entry("na_twee_jaar").answers["werkgever"]
    assert "ontslagvergunning" not in entry("na_twee_jaar").answers["werkgever"]


# 2. Compensatie transitievergoeding (art. 7:673e BW): wetsvoorstel 36 869 limits it to small
#    employers; its status on the check date could not be established, so answers say so,
#    call it announced and send the employer to UWV. No answer says "UWV vergoedt meestal".


def test_no_answer_promises_uwv_usually_pays_the_transitievergoeding() -> None:
    for entry_id, role, text in all_answers():
        lowered = text.lower()
        assert "vergoedt meestal" not in lowered, (entry_id, role)
        assert "meestal vergoedt" not in lowered, (entry_id, role)
        assert "onder voorwaarden terugkrijgen van uwv" not in lowered, (entry_id, role)


def test_transitievergoeding_answer_marks_the_small_employer_limit_as_announced() -> None:
    employer = entry("transitievergoeding").answers["werkgever"]
    assert "**Aangekondigd**" in employer
    assert "wetsvoorstel 36 869" in employer and "kleine werkgevers" in employer
    assert "1 juli 2026" in employer
    assert "konden wij niet vaststellen" in employer
    assert "Controleer bij UWV" in employer
    sources = {s.id for s in entry("transitievergoeding").sources}
    assert {"bw_7_673e", "tk_wetsvoorstel_36869"} <= sources


@pytest.mark.parametrize("entry_id", ["ontslagverbod", "na_twee_jaar"])
def test_employer_answers_do_not_promise_compensation(entry_id: str) -> None:
    employer = entry(entry_id).answers["werkgever"]
    assert "aangekondigde wetswijziging" in employer
    assert "onzeker" in employer


# 5. The deskundigenoordeel rests on art. 32 Wet SUWI; art. 7:629a BW only makes it required in
#    a wage claim. Samentellen: the law is clear for the 104 weeks (art. 7:629 lid 10 BW) and the
#    42e-weeksmelding (art. 38 ZW), not for every deadline; periods around pregnancy leave add up
#    only with the same cause. Pregnancy: the employer keeps paying, UWV pays the employer (ZW 29a).


def test_deskundigenoordeel_cites_wet_suwi_as_its_basis() -> None:
    desk = entry("deskundigenoordeel")
    assert desk.sources[0].id == "wet_suwi_32"
    assert "Wet SUWI" in desk.sources[0].name
    art_629a = knowledge().sources["bw_7_629a"]
    assert "loonvordering" in art_629a.name
    assert "je loon eisen" in desk.answers["werknemer"]
    assert "kantonrechter" in desk.answers["werkgever"] and "gratis" in desk.answers["werkgever"]


def test_samentellen_does_not_claim_every_deadline_adds_up() -> None:
    text = entry("samentellen").answers["algemeen"]
    assert "alle termijnen" not in text
    facts = knowledge().facts
    assert f"{facts['weeks_wachttijd']} weken loondoorbetaling" in text
    assert f"ziekmelding bij UWV na week {facts['week_melding_uwv']}" in text
    assert "minder precies" in text
    assert "dezelfde oorzaak" in text
    assert {"bw_7_629", "zw_38"} <= {s.id for s in entry("samentellen").sources}


def test_pregnancy_periods_add_up_only_with_the_same_cause_and_the_employer_keeps_paying() -> None:
    text = entry("zwangerschap").answers["algemeen"]
    assert "dezelfde oorzaak" in text
    assert "Is de oorzaak anders" in text
    assert "Ben je vlak vóór en vlak na je verlof ziek? Dan tellen" not in text
    assert "blijft je loon betalen" in text
    assert "Ziektewet-uitkering" in text and "UWV betaalt die meestal aan je werkgever" in text
    assert {"zw_29a", "uwv_ziek_zwangerschap"} <= {s.id for s in entry("zwangerschap").sources}


def test_corrected_entries_carry_the_review_date() -> None:
    corrected = [
        "ontslagverbod",
        "sancties_werknemer",
        "passend_werk_weigeren",
        "transitievergoeding",
        "na_twee_jaar",
        "deskundigenoordeel",
        "samentellen",
        "zwangerschap",
    ]
    for entry_id in corrected:
        assert entry(entry_id).reviewed.isoformat() == "2026-12-02", entry_id
        for source in entry(entry_id).sources:
            assert source.confirmed, (entry_id, source.id)


# 6. Dated sources, shown to the user.


def test_faq_reply_shows_each_source_with_its_check_date() -> None:
    reply = faq_reply(entry("samentellen"), None)
    source_line = reply["text"].splitlines()[-1]
    assert source_line.startswith("Bron: Art. 7:629 BW")
    assert source_line.count(f"({CHECK_DATE_LABEL})") == len(entry("samentellen").sources)
    for source in reply["custom"]["sources"]:
        assert source["checked"] == "2026-12-02"
        assert source["checked_label"] == CHECK_DATE_LABEL


def test_unconfirmed_source_is_not_shown_as_checked() -> None:
    unconfirmed = [s for s in knowledge().sources.values() if not s.confirmed]
    assert unconfirmed, "sources.yml marks the sources it could not confirm"
    for source in unconfirmed:
        assert source.checked_label == "nog niet bevestigd"
        assert source.note


# Over HTTP, as a user meets it.


@pytest.mark.model
def test_http_dismissal_answer_names_the_kantonrechter_with_dated_sources(
    live_server: LiveServer,
) -> None:
    sender = "law-ontslag-1"
    live_server.chat(sender, '/inform_role{"role": "werkgever"}')
    reply = live_server.chat(sender, '/faq{"faq_id": "ontslagverbod"}')
    text = texts(reply)
    assert "kantonrechter" in text and "deskundigenoordeel van UWV" in text
    assert "toestemming van UWV" not in text
    assert (
        "Bron: Art. 7:670 BW (opzegverbod tijdens ziekte) (gecontroleerd 2 december 2026)" in text
    )
    custom = next(m["custom"] for m in reply if m.get("custom", {}).get("type") == "faq")
    assert custom["id"] == "ontslagverbod"
    assert {s["checked_label"] for s in custom["sources"]} == {CHECK_DATE_LABEL}


@pytest.mark.model
def test_http_transitievergoeding_for_employers_marks_the_change_as_announced(
    live_server: LiveServer,
) -> None:
    sender = "law-transitie-1"
    live_server.chat(sender, '/inform_role{"role": "werkgever"}')
    text = texts(live_server.chat(sender, '/faq{"faq_id": "transitievergoeding"}'))
    assert "**Aangekondigd**" in text and "36 869" in text
    assert "Controleer bij UWV" in text
    assert "meestal aan jou" not in text
    assert "Tweede Kamer: wetsvoorstel 36 869" in text and CHECK_DATE_LABEL in text


@pytest.mark.model
def test_http_samentellen_answer_shows_the_check_date(live_server: LiveServer) -> None:
    text = texts(live_server.chat("law-samen-1", '/faq{"faq_id": "samentellen"}'))
    assert "dezelfde oorzaak" in text and "alle termijnen" not in text
    assert (
        f"Art. 38 Ziektewet (ziekmelding bij UWV in de 42e week, samentellen) ({CHECK_DATE_LABEL})"
        in text
    )

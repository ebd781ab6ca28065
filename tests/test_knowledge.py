"""knowledge/ is complete, consistent, and the Rasa data built from it is what is committed."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml

from bot.faq.classifier import training_data
from bot.knowledge.base import GENERAL, KnowledgeError, load_knowledge, placeholders
from bot.knowledge.rasa_data import OPENERS, generated_files, with_openers
from scripts.nlu_eval import DEV_DIR, FALLBACK, HELDOUT_DIR, cases_in

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
REQUIRED_TOPICS = {
    "wet_doel",
    "stappenplan",
    "ziekmelding",
    "probleemanalyse",
    "plan_van_aanpak",
    "voortgangsgesprekken",
    "melding_42e_week",
    "eerstejaarsevaluatie",
    "eindevaluatie",
    "reintegratieverslag",
    "reintegratiedossier",
    "wia_aanvraag",
    "na_twee_jaar",
    "vrijwillige_verlenging",
    "samentellen",
    "gedeeltelijk_herstel",
    "hersteldmelding",
    "spoor1",
    "spoor2",
    "spoor2_wanneer_starten",
    "tweesporenbeleid",
    "spoor3",
    "spoor1_afsluiten",
    "spoor2_niet_nodig",
    "reintegratiebureau_kiezen",
    "spoor2_kosten",
    "persoonsprofiel_zoekprofiel",
    "werkplekervaring_werkfit",
    "spoor2_rapportage",
    "bedrijfsarts",
    "arbeidsdeskundig_onderzoek",
    "casemanager",
    "uwv_toetsing",
    "passend_werk",
    "passend_werk_weigeren",
    "bevredigend_resultaat",
    "omscholing",
    "loondoorbetaling",
    "loondoorbetaling_duur",
    "wachtdagen",
    "loonsanctie",
    "sancties_werknemer",
    "sanctie_voorkomen",
    "deskundigenoordeel",
    "second_opinion",
    "ontslagverbod",
    "contract_eindigt_ziek",
    "transitievergoeding",
    "privacy_vragen_werkgever",
    "zwangerschap",
    "aow_leeftijd",
    "wetswijzigingen",
    "ziek_vs_arbeidsongeschikt",
}


@pytest.fixture(scope="module")
def base():
    return load_knowledge()


def test_every_required_topic_has_an_entry(base) -> None:
    assert len(base.entries) >= 45
    assert {e.id for e in base.entries} >= REQUIRED_TOPICS


def test_entries_have_examples_sources_and_review_date(base) -> None:
    for entry in base.entries:
        assert len(entry.examples) >= 15, entry.id
        assert entry.sources and all(s.url.startswith("https://") for s in entry.sources)
        assert entry.reviewed.year >= 2026


def test_answers_are_short_and_filled_in(base) -> None:
    for entry in base.entries:
        for role, text in entry.answers.items():
            assert len(text.split()) <= 130, (entry.id, role)
            assert "{" not in text and "}" not in text, (entry.id, role)


def test_law_numbers_come_from_rules(base) -> None:
    """The WIA week in answers is the one in rules.yml: change it there, answers follow."""
    wia = base.entry("wia_aanvraag")
    assert any(f"week {base.facts['week_wia_aanvraag']}" in t for t in wia.answers.values())
    raw = (KNOWLEDGE / "faq" / "einde_twee_jaar.yml").read_text(encoding="utf-8")
    assert "{week_wia_aanvraag}" in raw


def test_outdated_seed_claims_are_not_repeated(base) -> None:
    for entry in base.entries:
        for text in entry.answers.values():
            assert not re.search(r"tussen week 87 en (week )?90", text), entry.id
    spoor3 = " ".join(base.entry("spoor3").answers.values()).lower()
    assert "commerci" in spoor3 and "geen" in spoor3


def test_some_entries_have_role_variants(base) -> None:
    variants = [e for e in base.entries if GENERAL not in e.answers]
    assert len(variants) >= 15
    for entry in variants:
        assert set(entry.answers) == {"werknemer", "werkgever"}
        assert entry.answers["werknemer"] != entry.answers["werkgever"]


def test_unknown_placeholder_is_reported(tmp_path: Path) -> None:
    for name in ("rules.yml", "sources.yml"):
        (tmp_path / name).write_text((KNOWLEDGE / name).read_text(encoding="utf-8"))
    (tmp_path / "faq").mkdir()
    entry = {
        "id": "x",
        "title": "X?",
        "reviewed": "2026-11-23",
        "sources": ["bw_7_629"],
        "examples": [f"vraag {i}" for i in range(15)],
        "answer": "Week {week_bestaat_niet}.",
    }
    text = yaml.safe_dump({"entries": [entry]}).replace("'2026-11-23'", "2026-11-23")
    (tmp_path / "faq" / "x.yml").write_text(text)
    with pytest.raises(KnowledgeError, match="week_bestaat_niet"):
        load_knowledge(tmp_path)


def test_every_source_has_a_url_and_a_check_date(base) -> None:
    raw = yaml.safe_load((KNOWLEDGE / "sources.yml").read_text(encoding="utf-8"))["sources"]
    assert set(raw) == set(base.sources)
    for source_id, value in raw.items():
        assert str(value["url"]).startswith("https://"), source_id
        assert isinstance(value["checked"], date), source_id
        if value.get("confirmed") is False:
            assert value["note"].strip(), source_id


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ({"name": "Art. 1", "url": "https://wetten.overheid.nl/x"}, "checked must be a date"),
        ({"name": "Art. 1", "checked": "2026-12-02"}, "checked must be a date"),
        ({"name": "Art. 1", "url": "", "checked": date(2026, 12, 2)}, "no https url"),
        ({"name": "Art. 1", "url": "http://x", "checked": date(2026, 12, 2)}, "no https url"),
        (
            {"name": "A", "url": "https://x", "checked": date(2026, 12, 2), "confirmed": False},
            "needs a note",
        ),
    ],
)
def test_source_without_url_or_check_date_is_reported(
    tmp_path: Path, source: dict[str, object], problem: str
) -> None:
    (tmp_path / "rules.yml").write_text((KNOWLEDGE / "rules.yml").read_text(encoding="utf-8"))
    (tmp_path / "sources.yml").write_text(yaml.safe_dump({"sources": {"bw_x": source}}))
    (tmp_path / "faq").mkdir()
    with pytest.raises(KnowledgeError, match=f"source bw_x: .*{problem}"):
        load_knowledge(tmp_path)


def test_placeholders_parser() -> None:
    assert placeholders("uiterlijk in week {week_wia_aanvraag}, {{letterlijk}}") == {
        "week_wia_aanvraag"
    }


def test_committed_rasa_data_matches_knowledge(base) -> None:
    for path, text in generated_files(base).items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name}: run `make data`"


@pytest.mark.parametrize("directory", [HELDOUT_DIR, DEV_DIR], ids=["heldout", "dev"])
def test_evaluation_sets_are_large_enough_and_separate(base, directory: Path) -> None:
    cases = cases_in(directory)
    per_entry = Counter(c.expected for c in cases if c.expected != FALLBACK)
    assert set(per_entry) == {e.id for e in base.entries}
    assert min(per_entry.values()) >= 3
    assert sum(c.expected == FALLBACK for c in cases) >= 50
    # No evaluation question may be a training example (classifier and Rasa data alike).
    texts, _ = training_data(base)
    training = {" ".join(t.lower().split()) for t in texts}
    assert not [c.text for c in cases if " ".join(c.text.lower().split()) in training]


def test_development_and_heldout_sets_do_not_overlap() -> None:
    heldout = {c.text.lower() for c in cases_in(HELDOUT_DIR)}
    assert not [c.text for c in cases_in(DEV_DIR) if c.text.lower() in heldout]


def test_greeting_copies_of_some_examples() -> None:
    examples = tuple(f"Vraag {i}" for i in range(21))
    extended = with_openers(examples)
    assert extended[:21] == examples
    assert extended[21:] == (f"{OPENERS[0]}, vraag 0", f"{OPENERS[1]}, vraag 10",
                             f"{OPENERS[2]}, vraag 20")  # fmt: skip

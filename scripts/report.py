"""`make report`: the admin page's figures as Markdown, for people who prefer a file.

Reads the insights tables of the conversations' database (the same settings as the service:
BOT_DATA_DIR, ENDPOINTS_PATH, POSTGRES_*) and prints every figure of /admin for a period,
by default the last 30 days: `make report VAN=2026-11-01 TOT=2026-11-30`, or
`python -m scripts.report --van 2026-11-01 --tot 2026-11-30 > inzichten.md`.
"""

from __future__ import annotations

import argparse

from api.core.logging_setup import configure_logging
from api.core.settings import Settings
from api.insights.store import InsightsStore
from bot.clock import today
from bot.insights.figures import Chart, Figures, figures, period
from bot.knowledge.base import knowledge


def markdown_table(chart: Chart) -> str:
    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = [
        "| " + " | ".join(cell(c) for c in chart.columns) + " |",
        "|" + "---|" * len(chart.columns),
    ]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in chart.rows]
    return "\n".join(lines)


def markdown(found: Figures) -> str:
    parts = [
        "# Inzichten Poortwachter-assistent",
        "",
        f"Periode: {found.start.isoformat()} tot en met {found.end.isoformat()}. "
        f"{found.turns} berichten. Alleen tellingen per dag: geen gesprekken, geen namen, "
        "geen gebruikers-id's.",
    ]
    for chart in found.charts:
        parts += ["", f"## {chart.title}", "", chart.explanation, ""]
        parts.append(markdown_table(chart) if chart.rows else "_Geen._")
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--van", help="eerste dag (JJJJ-MM-DD); standaard 30 dagen geleden")
    parser.add_argument("--tot", help="laatste dag (JJJJ-MM-DD); standaard vandaag")
    args = parser.parse_args(argv)
    configure_logging("WARNING")
    now = today()
    start, end = period(args.van, args.tot, now)
    store = InsightsStore.from_settings(Settings.from_env())
    try:
        rows, votes = store.turn_rows(start, end), store.vote_rows(start, end)
    finally:
        store.dispose()
    print(markdown(figures(knowledge(), rows, votes, start, end, now)), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The admin page's HTML: server-rendered, with bar charts as inline SVG (no script, no
CDN: the page works under the service's strict CSP), a period chooser, a CSV link per chart,
and the unanswered questions with a delete button each. CSV and the login form live here too.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from html import escape
from urllib.parse import urlencode

from api.insights.store import UnansweredRow
from bot.insights.codes import NOT_UNDERSTOOD_KINDS, OUT_OF_SCOPE
from bot.insights.figures import Chart, Figures

BAR_HEIGHT = 22
LABEL_WIDTH = 330
BAR_WIDTH = 360
VALUE_WIDTH = 70
MAX_BARS = 40  # a chart shows the top 40 rows; the CSV has all of them

NOT_UNDERSTOOD, SUGGESTIONS = NOT_UNDERSTOOD_KINDS
KIND_LABELS = {
    NOT_UNDERSTOOD: "niet begrepen",
    SUGGESTIONS: "niet begrepen, met suggesties",
    OUT_OF_SCOPE: "buiten de wet",
}


def _page(title: str, body: str) -> str:
    return f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{escape(title)} - Poortwachter-assistent</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/admin.css">
</head>
<body>
<main id="inhoud">
{body}
</main>
</body>
</html>
"""


def login_page(failed: bool) -> str:
    error = (
        '<p class="fout" role="alert">Deze code klopt niet. Probeer het opnieuw.</p>'
        if failed
        else ""
    )
    return _page(
        "Inloggen",
        f"""<h1>Inzichten: inloggen</h1>
<p>Deze pagina is voor de beheerders van de antwoorden. Vul de beheercode in.</p>
{error}
<form method="post" action="/admin/login" class="inloggen">
<label for="token">Beheercode</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">Inloggen</button>
</form>""",
    )


def _query(start: date, end: date) -> str:
    return urlencode({"van": start.isoformat(), "tot": end.isoformat()})


def bar_chart(chart: Chart) -> str:
    """Horizontal bars as SVG, with the numbers written next to them."""
    assert chart.bar_column is not None
    rows = chart.rows[:MAX_BARS]
    values = [float(row[chart.bar_column]) for row in rows]
    top = max(values, default=0.0) or 1.0
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    height = BAR_HEIGHT * len(rows) + 4
    parts = []
    for index, (row, value) in enumerate(zip(rows, values, strict=True)):
        y = index * BAR_HEIGHT + 2
        label = str(row[0])
        short = label if len(label) <= 48 else label[:46] + "…"
        bar = max(1.0, BAR_WIDTH * value / top) if value else 0.0
        shown = f"{row[chart.bar_column]}{chart.unit}"
        parts.append(
            f"<g><title>{escape(label)}: {escape(shown)}</title>"
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end" class="label">'
            f"{escape(short)}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{bar:.1f}" height="{BAR_HEIGHT - 6}" '
            f'class="bar"></rect>'
            f'<text x="{LABEL_WIDTH + bar + 6:.1f}" y="{y + 15}" class="waarde">'
            f"{escape(shown)}</text></g>"
        )
    more = (
        f'<p class="meer">De {MAX_BARS} grootste van {len(chart.rows)}; de CSV heeft alles.</p>'
        if len(chart.rows) > MAX_BARS
        else ""
    )
    return (
        f'<svg role="img" aria-labelledby="titel-{chart.id}" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" class="grafiek">'
        f"{''.join(parts)}</svg>{more}"
    )


def table(chart: Chart, caption: str = "") -> str:
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in chart.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in row) + "</tr>"
        for row in chart.rows
    )
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def chart_section(chart: Chart, start: date, end: date) -> str:
    label = escape(f"Download als CSV: {chart.title}")
    csv_link = (
        f'<a class="csv" href="/admin/csv/{chart.id}?{escape(_query(start, end))}" download '
        f'aria-label="{label}">Download als CSV</a>'
    )
    if not chart.rows:
        content = '<p class="leeg">Geen.</p>'
    elif chart.bar_column is None:
        content = table(chart)
    else:
        content = (
            bar_chart(chart)
            + f'<details><summary>Als tabel<span class="verborgen">: {escape(chart.title)}'
            f"</span></summary>{table(chart, chart.title)}</details>"
        )
    return (
        f'<section aria-labelledby="titel-{chart.id}">'
        f'<h2 id="titel-{chart.id}">{escape(chart.title)}</h2>'
        f"<p>{escape(chart.explanation)}</p>{content}<p>{csv_link}</p></section>"
    )


def unanswered_section(rows: list[UnansweredRow], collecting: bool, start: date, end: date) -> str:
    state = (
        "Gebruikers kunnen toestemming geven om een vraag te bewaren die de assistent niet kon "
        "beantwoorden (COLLECT_UNANSWERED=1)."
        if collecting
        else "Het bewaren van onbeantwoorde vragen staat uit (COLLECT_UNANSWERED)."
    )
    hidden = (
        f'<input type="hidden" name="van" value="{start.isoformat()}">'
        f'<input type="hidden" name="tot" value="{end.isoformat()}">'
    )
    items = "".join(
        f"<tr><td>{row.day.isoformat()}</td><td>{escape(KIND_LABELS.get(row.kind, row.kind))}"
        f"</td><td>{escape(row.question)}</td><td>"
        f'<form method="post" action="/admin/onbeantwoord/{row.id}/verwijder">{hidden}'
        f'<button type="submit" aria-label="Verwijder vraag {row.id}">Verwijder</button>'
        "</form></td></tr>"
        for row in rows
    )
    content = (
        '<table><thead><tr><th scope="col">datum</th><th scope="col">soort</th>'
        f'<th scope="col">vraag (zonder namen, data en getallen)</th>'
        f'<th scope="col">actie</th></tr></thead><tbody>{items}</tbody></table>'
        if rows
        else '<p class="leeg">Geen bewaarde vragen in deze periode.</p>'
    )
    return (
        '<section aria-labelledby="titel-onbeantwoord">'
        '<h2 id="titel-onbeantwoord">Onbeantwoorde vragen (met toestemming)</h2>'
        f"<p>{state} Ze worden na de bewaartermijn vanzelf verwijderd.</p>{content}</section>"
    )


def admin_page(
    figures: Figures, unanswered: list[UnansweredRow], collecting: bool, logged_in: bool
) -> str:
    start, end = figures.start, figures.end
    logout = (
        '<form method="post" action="/admin/logout" class="uitloggen">'
        '<button type="submit">Uitloggen</button></form>'
        if logged_in
        else ""
    )
    chooser = f"""<form method="get" action="/admin" class="periode">
<fieldset><legend>Periode</legend>
<label for="van">Van</label>
<input id="van" name="van" type="date" value="{start.isoformat()}">
<label for="tot">Tot en met</label>
<input id="tot" name="tot" type="date" value="{end.isoformat()}">
<button type="submit">Toon</button>
</fieldset></form>"""
    sections = "".join(chart_section(chart, start, end) for chart in figures.charts)
    body = f"""{logout}<h1>Inzichten voor de beheerders van de antwoorden</h1>
<p>Alleen tellingen per dag: geen gesprekken, geen namen, geen gebruikers-id's.</p>
{chooser}
<p class="totaal">{figures.turns} berichten van {start.isoformat()}
tot en met {end.isoformat()}.</p>
{sections}
{unanswered_section(unanswered, collecting, start, end)}"""
    return _page("Inzichten", body)


def chart_csv(chart: Chart) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(chart.columns)
    writer.writerows(chart.rows)
    return out.getvalue()

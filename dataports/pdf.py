"""Drawing the report for a doctor or therapist as a PDF of one or two A4 pages (fpdf2).

Call `render` inside `translation.override(content.language)`. The charts are drawn
with plain lines (a daily point per score, 0-10), so no other library is needed. The
built-in Helvetica font covers Dutch and English; any other character in a note is
printed as "?" (the export keeps the note as written).
"""

from __future__ import annotations

from datetime import date
from typing import Final

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from dataports.figures import CHART_SCORES, series
from dataports.report import ReportContent
from pijnreset.pdf_text import latin1

MAX_PAGES: Final = 2
WIDTH: Final = 180  # mm between the margins of an A4 page
LINE: Final = 5.0
CHART_HEIGHT: Final = 28.0


def _text(value: object) -> str:
    return latin1(str(value))


def _day(value: date) -> str:
    return formats.date_format(value, "j F Y")


def score_names() -> dict[str, str]:
    return {"pain": _("Pain"), "fatigue": _("Tiredness"), "sleep_quality": _("Sleep quality")}


def meaning_words() -> dict[str, str]:
    return {
        "substantial": _("a substantial improvement"),
        "moderate": _("a moderate improvement"),
        "minimal": _("a minimal improvement"),
        "no_important_change": _("no important change"),
        "worse": _("worse"),
        "not_applicable": _("not applicable (the pain at the start was 0)"),
    }


class ReportPDF(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.set_text_color(90, 90, 90)
        words = _("pijnreset: self-reported figures, screening information, not a diagnosis.")
        self.cell(0, 4, _text(f"{words}  {self.page_no()}/{{nb}}"), align="C")
        self.set_text_color(0, 0, 0)


def render(content: ReportContent) -> tuple[bytes, int]:
    """The PDF and its number of pages (at most two: notes that do not fit are counted)."""
    pdf = ReportPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(auto=True, margin=16)
    pdf.set_margins(15, 15, 15)
    pdf.set_lang(content.language)
    pdf.set_title(_text(_("Overview for your doctor or therapist")))
    pdf.set_creator("pijnreset")
    pdf.add_page()
    _header(pdf, content)
    if not content.has_data:
        _paragraph(
            pdf, _("There are no check-ins in this period, so there are no averages or charts.")
        )
    else:
        _averages(pdf, content)
        _charts(pdf, content)
    _change(pdf, content)
    if pdf.page_no() == 1:
        pdf.add_page()
    _questionnaires(pdf, content)
    _practices(pdf, content)
    _notes(pdf, content)
    body = bytes(pdf.output())
    return body, pdf.page_no()


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 7, _text(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", size=10)


def _paragraph(pdf: FPDF, text: str) -> None:
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(WIDTH, LINE, _text(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _header(pdf: FPDF, content: ReportContent) -> None:
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(
        0, 9, _text(_("Overview for your doctor or therapist")), new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.set_font("Helvetica", size=10)
    if content.full_name:
        _paragraph(pdf, _("Name: %(name)s") % {"name": content.full_name})
    if content.birth_date:
        _paragraph(pdf, _("Date of birth: %(day)s") % {"day": _day(content.birth_date)})
    period = {"first": _day(content.first), "last": _day(content.last)}
    _paragraph(pdf, _("Period: %(first)s to %(last)s") % period)
    _paragraph(
        pdf,
        _(
            "Made on %(day)s by the patient in pijnreset. All scores are the patient's own daily "
            "check-ins, 0 to 10."
        )
        % {"day": _day(content.made_on)},
    )


def _averages(pdf: FPDF, content: ReportContent) -> None:
    _heading(pdf, _("Averages in this period"))
    names = score_names()
    for name in CHART_SCORES:
        average = content.averages[name]
        if average.shown is None:
            text = _("%(score)s: not filled in") % {"score": names[name]}
        else:
            text = ngettext(
                "%(score)s: %(mean)s on average (%(days)d day)",
                "%(score)s: %(mean)s on average (%(days)d days)",
                average.days,
            ) % {
                "score": names[name],
                "mean": average.shown,
                "days": average.days,
            }
        _paragraph(pdf, text)
    _paragraph(
        pdf,
        _("Sleep quality: 10 means slept very well. Pain and tiredness: 10 is the worst."),
    )
    _paragraph(
        pdf,
        _("Days with a flare: %(days)d of %(total)d check-ins. Flare periods: %(periods)d.")
        % {
            "days": content.flare_days,
            "total": len(content.days),
            "periods": content.flare_periods,
        },
    )


def _charts(pdf: FPDF, content: ReportContent) -> None:
    _heading(pdf, _("Daily scores"))
    names = score_names()
    flares = [(d.day - content.first).days for d in content.days if d.flare]
    for name in CHART_SCORES:
        values = series(content.days, name, content.first, content.last)
        if pdf.will_page_break(CHART_HEIGHT + 8):
            pdf.add_page()
        _chart(pdf, names[name], values, flares if name == "pain" else [])
    _axis_dates(pdf, content)
    _paragraph(
        pdf,
        _(
            "Each dot is one day; a line joins days next to each other. A red mark under the pain "
            "chart is a day with a flare. %(first)s to %(last)s."
        )
        % {"first": _day(content.first), "last": _day(content.last)},
    )


def _axis_dates(pdf: FPDF, content: ReportContent) -> None:
    """The first and last day under the charts, at their ends."""
    pdf.set_font("Helvetica", size=8)
    pdf.set_x(pdf.l_margin + 8)
    pdf.cell((WIDTH - 8) / 2, 4, _text(_day(content.first)))
    pdf.cell((WIDTH - 8) / 2, 4, _text(_day(content.last)), align="R")
    pdf.ln(5)
    pdf.set_font("Helvetica", size=10)


def _chart(pdf: FPDF, title: str, values: list[int | None], flares: list[int]) -> None:
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(0, 5, _text(title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    left, top = pdf.l_margin + 8, pdf.get_y() + 2
    width, height = WIDTH - 8, CHART_HEIGHT
    pdf.set_font("Helvetica", size=7)
    pdf.set_draw_color(170, 170, 170)
    pdf.set_line_width(0.2)
    for level in (0, 5, 10):
        y = top + height - height * level / 10
        pdf.line(left, y, left + width, y)
        pdf.text(pdf.l_margin + 2, y + 1, str(level))
    step = width / max(len(values) - 1, 1)
    points = [
        (left + i * step, top + height - height * v / 10)
        for i, v in enumerate(values)
        if v is not None
    ]
    pdf.set_draw_color(31, 102, 96)
    pdf.set_fill_color(31, 102, 96)
    pdf.set_line_width(0.5)
    for i in range(1, len(values)):
        if values[i] is not None and values[i - 1] is not None:
            a = (left + (i - 1) * step, top + height - height * values[i - 1] / 10)  # type: ignore[operator]
            b = (left + i * step, top + height - height * values[i] / 10)  # type: ignore[operator]
            pdf.line(a[0], a[1], b[0], b[1])
    dot = 1.2 if len(values) <= 120 else 0.6
    for x, y in points:
        pdf.rect(x - dot / 2, y - dot / 2, dot, dot, "F")
    pdf.set_fill_color(190, 40, 40)
    for i in flares:
        pdf.rect(left + i * step - 0.8, top + height + 0.8, 1.6, 1.6, "F")
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.2)
    pdf.set_y(top + height + 3)


def _change(pdf: FPDF, content: ReportContent) -> None:
    _heading(pdf, _("Pain against the start"))
    change = content.change
    if change is None or change.result is None:
        _paragraph(
            pdf,
            _(
                "Not enough data yet: this needs at least 4 check-ins in the first 14 days and "
                "at least 4 in the last 7 days of the period."
            ),
        )
        return
    result = change.result
    words = meaning_words()[result.meaning]
    if result.display is None:
        _paragraph(
            pdf,
            _("Start: %(base)s. Now: %(now)s. Change: %(meaning)s.")
            % {"base": _one(result.baseline), "now": _one(result.current), "meaning": words},
        )
        return
    size = result.shown_size
    if result.direction == "lower":
        amount = _("%(size)s %% lower than at the start") % {"size": size}
    elif result.direction == "higher":
        amount = _("%(size)s %% higher than at the start") % {"size": size}
    else:
        amount = _("the same as at the start")
    amount = amount.replace(" %", "\u00a0%")  # keep the number and its % on one line
    _paragraph(
        pdf,
        _(
            "Average pain at the start (first 14 days, %(base_days)d check-ins): %(base)s. "
            "Last 7 days of the period (%(now_days)d check-ins): %(now)s. That is %(amount)s: "
            "%(meaning)s."
        )
        % {
            "base_days": change.baseline_days,
            "base": _one(result.baseline),
            "now_days": change.current_days,
            "now": _one(result.current),
            "amount": amount,
            "meaning": words,
        },
    )
    _paragraph(
        pdf,
        _(
            "The limits of 30 and 50 percent follow IMMPACT (Dworkin 2008); 'minimal' from 10 "
            "percent, 'worse' and the floor of 1 point are rules of this product."
        ),
    )


def _one(value: object) -> str:
    from decimal import Decimal

    from assessments.rounding import round_half_up

    return str(round_half_up(Decimal(str(value))))


def _questionnaires(pdf: FPDF, content: ReportContent) -> None:
    _heading(pdf, _("Latest questionnaires"))
    if not content.questionnaires:
        _paragraph(pdf, _("No questionnaires filled in up to the end of this period."))
        return
    for questionnaire in content.questionnaires:
        pdf.set_font("Helvetica", "B", 10)
        title = _("%(title)s (%(day)s)") % {
            "title": questionnaire.title,
            "day": _day(questionnaire.submitted_on),
        }
        pdf.cell(0, LINE, _text(title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("Helvetica", size=10)
        for line in questionnaire.lines:
            text = f"{line.label}: {line.value} / {line.maximum}"
            if line.band_label:
                text += f" ({line.band_label})"
            _paragraph(pdf, "  " + text)
    _paragraph(pdf, _("Scores from questionnaires are screening information, not a diagnosis."))


def _practices(pdf: FPDF, content: ReportContent) -> None:
    from exercises.catalogue import ExerciseKey

    _heading(pdf, _("Practices done in this period"))
    labels = dict(ExerciseKey.choices)
    done = [f"{labels.get(key, key)}: {number}" for key, number in sorted(content.sessions.items())]
    lines = [", ".join(done) if done else _("No finished exercise sessions.")]
    lines.append(
        _(
            "Movement: %(minutes)d minutes on %(days)d days. Gratitude written on %(gratitude)d "
            "days. Lessons finished: %(lessons)d."
        )
        % {
            "minutes": content.movement_minutes,
            "days": content.movement_days,
            "gratitude": content.gratitude_days,
            "lessons": content.lessons,
        },
    )
    for line in lines:
        _paragraph(pdf, line)


def _notes(pdf: FPDF, content: ReportContent) -> None:
    if not content.notes:
        return
    _heading(pdf, _("My own notes"))
    left_out = content.notes_left_out
    for index, (day, note) in enumerate(content.notes):
        text = _text(f"{_day(day)}: {note}")
        lines = pdf.multi_cell(WIDTH, LINE, text, dry_run=True, output="LINES")
        assert isinstance(lines, list)  # output="LINES" gives the wrapped lines
        needed = LINE * (len(lines) + 1)  # the note, and the line that may say what is left out
        if pdf.page_no() >= MAX_PAGES and pdf.will_page_break(needed):
            left_out += len(content.notes) - index
            break
        pdf.multi_cell(WIDTH, LINE, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if left_out:
        _paragraph(
            pdf,
            _("%(count)d older notes are not shown here; they are in the export.")
            % {"count": left_out},
        )

"""Look-ups of the insights words in templates: plain dictionaries, no queries."""

from django import template
from django.utils.html import format_html_join

from insights import words

register = template.Library()


@register.filter
def score_label(key: str) -> str:
    return str(words.SCORE_LABELS.get(key, key))


@register.filter
def questionnaire_label(key: str) -> str:
    return str(words.QUESTIONNAIRE_LABELS.get(key, key))


@register.filter
def meaning_label(key: str) -> str:
    return str(words.MEANINGS.get(key, key))


@register.filter
def pgic_answer(answer: int) -> str:
    return str(words.PGIC_ANSWERS.get(answer, answer))


@register.filter
def pgic_occasion(key: str) -> str:
    return str(words.PGIC_OCCASIONS.get(key, key))


@register.filter
def one_decimal(value: object) -> str:
    return words.shown(value) if value is not None else "–"  # type: ignore[arg-type]


@register.filter
def change_words(display: object) -> str:
    return words.change_words(display)  # type: ignore[arg-type]


@register.filter
def share_percent(share: object) -> str:
    """A share 0..1 as a percentage, one decimal, half up."""
    if share is None:
        return "–"
    return words.shown(share * 100)  # type: ignore[operator]


@register.simple_tag
def table_rows(rows: list[tuple[object, ...]], columns: int, flare_word: str = "") -> str:
    """The <tr> rows of a chart's data table, built in one go: a table of months of days is
    hundreds of cells, too slow as template nodes. Every cell is escaped (format_html_join);
    the values are our own dates and numbers. With a flare word, the last column is the flare
    flag (True: the word)."""
    if flare_word:
        rows = [(*row[:-1], flare_word if row[-1] else "") for row in rows]
    cells = "".join("<td>{}</td>" for _ in range(columns))
    return format_html_join("", "<tr>" + cells + "</tr>", (row[:columns] for row in rows))

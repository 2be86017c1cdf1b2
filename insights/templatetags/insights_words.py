"""Look-ups of the insights words in templates: plain dictionaries, no queries."""

from django import template

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

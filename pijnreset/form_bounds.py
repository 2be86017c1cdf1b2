"""The windows of `pijnreset.bounds` as Django form validation, in the user's language."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pijnreset import bounds


def validate_single_line(value: str) -> None:
    """Free text on one line: no NUL, tabs, newlines or other control characters."""
    if bounds.has_control(value, multiline=False):
        raise ValidationError(
            _("Please remove the special characters (such as tabs or line breaks)."),
            code="control_characters",
        )


def validate_multiline(value: str) -> None:
    """Free text over several lines: newlines and tabs are fine, other control characters not."""
    if bounds.has_control(value, multiline=True):
        raise ValidationError(
            _("Please remove the special characters from this text."), code="control_characters"
        )


def guard_text_fields(form: forms.BaseForm) -> None:
    """Add the control-character check to every text field of `form` (textareas: multi-line)."""
    for field in form.fields.values():
        if isinstance(field, forms.CharField) and not isinstance(
            field, forms.EmailField | forms.URLField | forms.RegexField
        ):
            multiline = isinstance(field.widget, forms.Textarea)
            field.validators.append(validate_multiline if multiline else validate_single_line)


def validate_past_date(value: date) -> None:
    """A date of personal data: 1900 to 2100 (a form field validator)."""
    if not bounds.in_past_window(value):
        raise ValidationError(
            _("Choose a date between %(first)s and %(last)s.")
            % {"first": bounds.PAST_FIRST.year, "last": bounds.PAST_LAST.year},
            code="out_of_window",
        )


def booking_date_error(value: date, *, today: date) -> ValidationError | None:
    """Outside the booking window (yesterday to two years ahead): the error to show."""
    if bounds.in_booking_window(value, today=today):
        return None
    first, last = bounds.booking_window(today)
    return ValidationError(
        _("Choose a date between %(first)s and %(last)s.")
        % {"first": date_format(first, "j F Y"), "last": date_format(last, "j F Y")},
        code="out_of_window",
    )


def local_time_error(naive: datetime, zone: ZoneInfo) -> ValidationError | None:
    """A wall-clock time skipped or repeated by a clock change: the error to show."""
    problem = bounds.local_time_problem(naive, zone)
    if problem == "missing":
        return ValidationError(
            _(
                "This time does not exist on this day: the clocks go forward an hour. "
                "Choose another time."
            ),
            code="missing_local_time",
        )
    if problem == "ambiguous":
        return ValidationError(
            _(
                "This time happens twice on this day: the clocks go back an hour. "
                "Choose another time."
            ),
            code="ambiguous_local_time",
        )
    return None

"""The words for the import's reason codes (dataports.csvimport), in the user's language,
and what the export says about itself."""

from django.utils.translation import gettext_lazy as _

# Honest storage (issue 19): what waits in the device's queue (docs/offline.md) is not on
# the server yet. The same words stand on the My data page (dataports/overview.html).
NOT_SENT_YET = _(
    "Check-ins and exercises still waiting on your device to be sent are not in this download."
)

FILE_MESSAGES = {
    "empty": _("This file is empty."),
    "too_big": _("This file is too big: at most 1 MB."),
    "not_text": _(
        "This does not look like a CSV file (text). Save it from your spreadsheet as CSV "
        "and try again."
    ),
    "malformed": _(
        "We could not read this file as a table (for example a quote that is never closed). "
        "Save it from your spreadsheet as CSV and try again."
    ),
    "no_rows": _("We found no rows with scores in this file: it needs a header row and data rows."),
    "too_many_rows": _("This file has more than 5,000 rows. Split it into smaller files."),
    "too_many_columns": _("This file has more than 40 columns. Keep only the date and scores."),
}

ROW_MESSAGES = {
    "no_date": _("skipped: no date"),
    "bad_date": _("skipped: the date cannot be read (use 2026-03-01 or 01-03-2026)"),
    "future": _("skipped: this date is in the future"),
    "too_old": _("skipped: more than 10 years ago"),
    "bad_score": _("skipped: a score is not a whole number"),
    "out_of_range": _("skipped: a score is not between 0 and 10"),
    "no_pain": _("skipped: no pain score"),
    "twice_in_file": _("skipped: this date is in the file twice"),
    "already_there": _("skipped: already in your check-ins"),
    "exists_different": _("skipped: you already have a check-in on this day (we keep yours)"),
}

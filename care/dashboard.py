"""The caseload overview: every patient sharing with a therapist, sorted by need.

A constant number of queries whatever the caseload: one for the shares (with per
patient the last check-in, enrolment, open safety flags and submitted questionnaires,
each an index lookup), one for 28 days of pain, one INSERT for the access log. Each
patient's data is read only within the scope they share.

Speed (bench/bench_care.py, 200 patients x a year): EXPLAIN shows the subqueries are
index lookups (the last check-in one backward step on the (patient, date) index); the
time went into building four wide model rows per share and into Python per check-in.
So the shares load only the columns the overview shows, the enrolment comes by a join,
the pain rows come unordered, and the sparkline reuses its coordinates.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Exists, F, OuterRef, Subquery

from assessments.models import Response, SafetyFlag
from assessments.schedule import MILESTONES, milestone_for
from care import needs
from care.access import visible_shares
from care.log import record_accesses
from care.models import Action, Share
from diary.models import CheckIn
from programme.days import programme_day

NEW_RESULT_DAYS = 7
FILTERS = ("all", "crisis", "worsening", "quiet", "questionnaires")


@dataclass(frozen=True)
class Row:
    share: Share
    need: needs.Need
    last_check_in: date | None
    sparkline: str
    red_flag: bool
    new_results: bool
    due: bool

    @property
    def patient_name(self) -> str:
        patient = self.share.patient
        return patient.display_name or patient.email


def _last_check_in() -> Subquery:
    latest = CheckIn.objects.filter(patient=OuterRef("patient")).order_by("-date")
    return Subquery(latest.values("date")[:1])


def _enrolment(field: str) -> F:
    """The patient's enrolment (one at most): a LEFT JOIN, not a subquery per field."""
    return F(f"patient__enrolment__{field}")


# What the overview reads of a share and its patient; anything else would be loaded per
# row when touched (test_dashboard's query count would show it).
_SHARE_COLUMNS = ("public_id", "patient", "check_ins", "questionnaires", "given_at")
_PATIENT_COLUMNS = ("patient__display_name", "patient__email")


def _flag(kind: str) -> Exists:
    return Exists(SafetyFlag.objects.open().filter(patient=OuterRef("patient"), kind=kind))


def _answered(**conditions: Any) -> Exists:
    submitted = Response.objects.submitted().filter(patient=OuterRef("patient"), **conditions)
    return Exists(submitted)


def _shares(user: Any, today: date, since: datetime) -> list[Share]:
    """One query: the shares, and per patient what the overview needs to know."""
    rows = (
        visible_shares(user, today)
        .select_related("patient")
        .only(*_SHARE_COLUMNS, *_PATIENT_COLUMNS)
        .annotate(
            last_check_in=_last_check_in(),
            started_on=_enrolment("started_on"),
            paused_on=_enrolment("paused_on"),
            paused_days=_enrolment("paused_days"),
            crisis=_flag(SafetyFlag.Kind.CRISIS),
            red_flag=_flag(SafetyFlag.Kind.RED_FLAG),
            new_result=_answered(submitted_at__gte=since),
            **{f"answered_{m}": _answered(occasion=f"week_{m}") for m in MILESTONES},
        )
        .order_by("-given_at")
    )
    one_per_patient: dict[int, Share] = {}
    for share in rows:
        one_per_patient.setdefault(share.patient_id, share)
    return list(one_per_patient.values())


def _pain(patient_ids: list[int], today: date) -> dict[int, dict[date, int]]:
    first = today - timedelta(days=max(needs.SPARK_DAYS, 21) - 1)
    pain: dict[int, dict[date, int]] = defaultdict(dict)
    rows = CheckIn.objects.filter(patient_id__in=patient_ids, date__gte=first, date__lte=today)
    # Unordered (the model orders by date): the caller keys the scores by day anyway.
    for patient_id, day, score in rows.order_by().values_list("patient_id", "date", "pain"):
        pain[patient_id][day] = score
    return pain


def _due(share: Any, today: date) -> bool:
    """A milestone's questionnaires (weeks 4, 8, 12) not answered yet."""
    if share.started_on is None:
        return False
    day = programme_day(
        started_on=share.started_on,
        today=today,
        paused_days=share.paused_days or 0,
        paused_on=share.paused_on,
    )
    milestone = milestone_for(day.week if day is not None else None)
    return milestone is not None and not getattr(share, f"answered_{milestone}")


def caseload(*, user: Any, now: datetime, show: str = "all") -> list[Row]:
    """The overview's rows, most in need first; logs one read per row shown."""
    today = user.local_date(now)
    shares = _shares(user, today, since=now - timedelta(days=NEW_RESULT_DAYS))
    pain_ids = [s.patient_id for s in shares if s.check_ins]
    pain = _pain(pain_ids, today) if pain_ids else {}
    rows = []
    for share in shares:
        series = pain.get(share.patient_id, {}) if share.check_ins else {}
        last = share.last_check_in if share.check_ins else None  # type: ignore[attr-defined]
        asked = share.questionnaires
        new_results = asked and share.new_result  # type: ignore[attr-defined]
        due = asked and _due(share, today)
        need = needs.need_of(
            crisis=asked and share.crisis,  # type: ignore[attr-defined]
            worsening=share.check_ins and needs.is_worsening(series, today),
            quiet=share.check_ins and needs.is_quiet(last, today),
            questionnaires=new_results or due,
        )
        rows.append(
            Row(
                share=share,
                need=need,
                last_check_in=last,
                sparkline=needs.sparkline(series, today) if share.check_ins else "",
                red_flag=asked and share.red_flag,  # type: ignore[attr-defined]
                new_results=new_results,
                due=due,
            )
        )
    rows = [row for row in rows if _shown(row, show)]
    rows.sort(key=lambda row: (row.need.rank, row.patient_name.lower()))
    record_accesses(
        actor=user, action=Action.DASHBOARD_ROW, now=now, share_ids=[r.share.pk for r in rows]
    )
    return rows


def _shown(row: Row, show: str) -> bool:
    if show == "crisis":
        return row.need.crisis
    if show == "worsening":
        return row.need.worsening
    if show == "quiet":
        return row.need.quiet
    if show == "questionnaires":
        return row.need.questionnaires
    return True

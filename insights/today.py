"""What the insights app adds to the Today page: on Mondays the weekly summary, and while an
experiment runs, which week it is. A constant number of queries (at most four)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from accounts.models import User
from insights import data, experiments, weekly
from insights.models import Experiment
from insights.plans import open_experiment


@dataclass(frozen=True)
class ExperimentWeek:
    experiment: Experiment
    week: int
    on: bool


@dataclass(frozen=True)
class TodayExtras:
    summary: weekly.WeeklySummary | None
    experiment_week: ExperimentWeek | None

    def __bool__(self) -> bool:
        return self.summary is not None or self.experiment_week is not None


def weekly_summary_for(patient: User, week_start: date) -> weekly.WeeklySummary:
    """The summary of the week from `week_start` (a Monday) against the week before."""
    week_end = week_start + timedelta(days=6)
    scores = data.daily_scores(patient, week_start - timedelta(days=7), week_end)
    practices = data.practice_days(patient, week_start, week_end)
    return weekly.summarise(
        week_start=week_start,
        scores=scores,
        practice_dates=[day for day, n in practices.items() for _ in range(n)],
    )


def extras_for(patient: User, today: date) -> TodayExtras:
    summary = None
    if today.weekday() == 0:
        summary = weekly_summary_for(patient, weekly.last_week_start(today))
    experiment = open_experiment(patient)
    running = None
    if experiment is not None:
        week = experiments.week_number(experiment.started_on, today, experiment.weeks)
        if week is not None:
            running = ExperimentWeek(experiment, week, bool(experiment.schedule[week - 1]))
    return TodayExtras(summary, running)

"""A patient's planned experiment as the pages show it: which week is which, the result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from accounts.models import User
from diary.models import CheckIn
from insights import experiments
from insights.models import Experiment


@dataclass(frozen=True)
class ExperimentView:
    experiment: Experiment
    week: int | None  # 1-based week of the plan today; None before the start or after
    on_today: bool | None
    result: experiments.ExperimentResult
    ends_on: date
    smallest_p: object

    @property
    def weeks(self) -> list[tuple[int, bool, date]]:
        """(week number, on, first day) for the plan table."""
        start = self.experiment.started_on
        return [
            (n + 1, bool(on), start + timedelta(days=7 * n))
            for n, on in enumerate(self.experiment.schedule)
        ]


def open_experiment(patient: User) -> Experiment | None:
    return Experiment.objects.filter(patient=patient, stopped_at__isnull=True).first()


def experiment_view(patient: User, experiment: Experiment, today: date) -> ExperimentView:
    weeks = experiment.weeks
    end = experiments.ends_on(experiment.started_on, weeks)
    outcome = dict(
        CheckIn.objects.of(patient)
        .between(experiment.started_on, end)
        .exclude(**{f"{experiment.outcome}__isnull": True})
        .values_list("date", experiment.outcome)
    )
    week = experiments.week_number(experiment.started_on, today, weeks)
    return ExperimentView(
        experiment=experiment,
        week=week,
        on_today=None if week is None else bool(experiment.schedule[week - 1]),
        result=experiments.randomisation_test(
            experiment.schedule, experiment.started_on, outcome, today=today
        ),
        ends_on=end,
        smallest_p=experiments.smallest_p(weeks),
    )

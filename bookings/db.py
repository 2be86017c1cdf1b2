"""Database-level guards that differ per database (see docs/locking.md).

PostgreSQL: an exclusion constraint refuses two occupying appointments of one
therapist whose [start, busy_until) ranges overlap. SQLite has no such
constraint; there `book_slot` re-checks inside a `BEGIN IMMEDIATE`
transaction, which holds SQLite's single write lock.

The constraint is not in `Appointment.Meta.constraints` on purpose: it would
make model validation run PostgreSQL-only SQL on SQLite. Migration 0002 adds
it, on PostgreSQL only, with `AddConstraintOnPostgreSQL`.
"""

from typing import Any

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateTimeRangeField, RangeOperators
from django.db import models
from django.db.migrations.operations.base import Operation

OVERLAP_CONSTRAINT_NAME = "appointment_no_overlap_per_therapist"
PATIENT_OVERLAP_CONSTRAINT_NAME = "appointment_no_overlap_per_patient"
OCCUPYING_STATUSES = ["held", "confirmed", "completed", "no_show"]


class TsTzRange(models.Func):
    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


def overlap_constraint() -> ExclusionConstraint:
    """No two occupying appointments of one therapist overlap, buffers included."""
    return ExclusionConstraint(
        name=OVERLAP_CONSTRAINT_NAME,
        expressions=[
            ("therapist", RangeOperators.EQUAL),
            (TsTzRange("start", "busy_until", models.Value("[)")), RangeOperators.OVERLAPS),
        ],
        condition=models.Q(status__in=OCCUPYING_STATUSES),
    )


def patient_overlap_constraint() -> ExclusionConstraint:
    """No patient holds two occupying appointments whose [start, end) overlap.

    The buffer is the therapist's time, not the patient's: a patient may see one
    therapist right after another. Guests (no patient) are left out.
    """
    return ExclusionConstraint(
        name=PATIENT_OVERLAP_CONSTRAINT_NAME,
        expressions=[
            ("patient", RangeOperators.EQUAL),
            (TsTzRange("start", "end", models.Value("[)")), RangeOperators.OVERLAPS),
        ],
        condition=models.Q(status__in=OCCUPYING_STATUSES, patient__isnull=False),
    )


class AddConstraintOnPostgreSQL(Operation):
    """Add a constraint only when the database is PostgreSQL; a no-op elsewhere.

    The model state is left alone, so `makemigrations` never tries to add or
    remove it again.
    """

    reversible = True

    def __init__(self, model_name: str, constraint: Any) -> None:
        self.model_name = model_name
        self.constraint = constraint

    def state_forwards(self, app_label: str, state: Any) -> None:
        pass

    def database_forwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        if schema_editor.connection.vendor == "postgresql":
            model = to_state.apps.get_model(app_label, self.model_name)
            schema_editor.add_constraint(model, self.constraint)

    def database_backwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        if schema_editor.connection.vendor == "postgresql":
            model = from_state.apps.get_model(app_label, self.model_name)
            schema_editor.remove_constraint(model, self.constraint)

    def describe(self) -> str:
        return f"Add {self.constraint.name} to {self.model_name} on PostgreSQL"

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        return (
            self.__class__.__qualname__,
            [],
            {"model_name": self.model_name, "constraint": self.constraint},
        )

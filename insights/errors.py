"""Domain exceptions of the insights app, with translated, user-safe messages."""

from django.utils.translation import gettext_lazy as _


class InsightsError(Exception):
    """Something the patient asked for that cannot be done; `field` names the input."""

    def __init__(self, message: object, field: str = "") -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field


TOO_MANY_FACTORS = _("You can keep track of at most 5 factors of your own.")
FACTOR_DATE = _("You can fill in today and the 7 days before.")
UNKNOWN_FACTOR = _("This factor is not one of yours.")
FACTOR_VALUE = _("Choose a number from 0 to 10.")
YES_NO_VALUE = _("Choose yes or no.")
EXPERIMENT_RUNNING = _("You already have an experiment running. Stop it first.")
EXPERIMENT_START = _("Start on a day from today up to 4 weeks ahead.")
EXPERIMENT_WEEKS = _("Choose 4, 6 or 8 weeks.")

"""A small set of choices stored in one text column: ",video,phone,".

Works the same on SQLite and PostgreSQL (no array type needed). The Python
value is a tuple of codes in the order of the choices; the stored text starts
and ends with a comma, so `field__contains=",video,"` finds exactly one code
(see `ChoiceSetField.lookup_value`).
"""

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.expressions import Combinable
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    # For django-stubs: a list or tuple of codes may be assigned, a tuple is read.
    _Base = models.Field[Sequence[str] | str | Combinable, tuple[str, ...]]
else:
    _Base = models.CharField


class ChoiceSetField(_Base):
    description = _("A set of choices")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("default", tuple)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == 200:
            del kwargs["max_length"]
        if kwargs.get("default") is tuple:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    @staticmethod
    def lookup_value(code: str) -> str:
        """The text to pass to `__contains` to find rows holding `code`."""
        return f",{code},"

    def _order(self, codes: Iterable[str]) -> tuple[str, ...]:
        wanted = set(codes)
        known = [value for value, _label in self.flatchoices]
        return tuple(value for value in known if value in wanted) + tuple(
            sorted(wanted - set(known))
        )

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Any:
        if value is None:
            return ()
        return tuple(code for code in value.split(",") if code)

    def to_python(self, value: Any) -> Any:
        if value is None or value == "":
            return ()
        if isinstance(value, str):
            return tuple(code for code in value.split(",") if code)
        return self._order(value)

    def get_prep_value(self, value: Any) -> Any:
        codes = self.to_python(value)
        return f",{','.join(codes)}," if codes else ""

    def validate(self, value: Any, model_instance: Any) -> None:
        codes = self.to_python(value)
        known = {str(choice) for choice, _label in self.flatchoices}
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise ValidationError(
                _("Unknown choice: %(value)s"), code="invalid_choice", params={"value": unknown[0]}
            )
        if not codes and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def run_validators(self, value: Any) -> None:
        # The length limit applies to the stored text.
        super().run_validators(self.get_prep_value(value))

    def value_to_string(self, obj: Any) -> str:
        return ",".join(self.to_python(self.value_from_object(obj)))

    def formfield(self, **kwargs: Any) -> Any:
        defaults: dict[str, Any] = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.choices,
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
            "label": self.verbose_name,
            "help_text": self.help_text,
        }
        defaults |= kwargs
        form_class = defaults.pop("form_class")
        defaults.pop("choices_form_class", None)
        defaults.pop("max_length", None)
        defaults.pop("empty_value", None)
        return form_class(**defaults)

    def get_choices(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["include_blank"] = False
        return super().get_choices(*args, **kwargs)

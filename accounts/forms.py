import zoneinfo

from django import forms
from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import actions
from accounts.consent_texts import HEALTH_DATA, RESEARCH, TERMS
from accounts.models import Consent, User


class SignupExtraForm(forms.Form):
    """What allauth's sign-up form asks on top of e-mail and password.

    The health-data consent is its own question with its own text, separate
    from the terms: sign-up is refused without it (GDPR art. 9(2)(a)).
    """

    display_name = forms.CharField(
        label=_("What may we call you?"),
        max_length=80,
        required=False,
        help_text=_("A first name or nickname is enough. You may leave this empty."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language"), choices=settings.LANGUAGES, initial="nl"
    )
    consent_health_data = forms.BooleanField(
        label=HEALTH_DATA.text,
        required=True,
        error_messages={
            "required": _(
                "We can only create your account with your permission to process your "
                "health data. Tick the box if you agree."
            )
        },
    )
    accept_terms = forms.BooleanField(
        label=TERMS.text,
        required=True,
        error_messages={"required": _("Please accept the terms of use to continue.")},
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        language = getattr(self, "initial", {}).get("preferred_language")
        if not language:
            self.fields["preferred_language"].initial = _current_language()

    def signup(self, request: HttpRequest, user: User) -> None:
        """Called by allauth once the user row exists, inside its sign-up flow."""
        user.display_name = self.cleaned_data.get("display_name", "")
        user.preferred_language = self.cleaned_data["preferred_language"]
        user.save(update_fields=["display_name", "preferred_language"])
        now = timezone.now()
        actions.give_consent(user=user, purpose=Consent.Purpose.HEALTH_DATA, now=now)
        actions.give_consent(user=user, purpose=Consent.Purpose.TERMS, now=now)


def _current_language() -> str:
    from django.utils.translation import get_language

    return (get_language() or "nl")[:2]


# Nearly all our users live in the Netherlands or Belgium: those two come first,
# the rest sit in a group of their own further down the list.
COMMON_TIME_ZONES = ("Europe/Amsterdam", "Europe/Brussels")


def time_zone_choices() -> list[tuple[object, object]]:
    """Europe/Amsterdam and Europe/Brussels, then every other zone in a group."""
    others = sorted(zoneinfo.available_timezones() - set(COMMON_TIME_ZONES))
    return [
        *((zone, zone) for zone in COMMON_TIME_ZONES),
        (_("Other time zones"), [(zone, zone) for zone in others]),
    ]


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=time_zone_choices,
        help_text=_("Your days (check-ins, programme) follow this time zone."),
    )

    class Meta:
        model = User
        fields = ["display_name", "preferred_language", "time_zone"]


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("Yes, delete my account and all my data for good."),
        error_messages={"required": _("Tick the box to confirm that you want to delete.")},
    )

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not correct."))
        return password


class GiveHealthConsentForm(forms.Form):
    """Give the health-data consent again, with the same text as at sign-up."""

    consent_health_data = forms.BooleanField(
        label=HEALTH_DATA.text,
        required=True,
        error_messages={
            "required": _("Tick the box if you agree. Without it, the programme stays stopped.")
        },
    )


class GiveResearchConsentForm(forms.Form):
    """Permission to count the patient's anonymised figures in research (CLINICAL.md §8):
    its own question, never ticked for them."""

    consent_research = forms.BooleanField(
        label=RESEARCH.text,
        required=True,
        initial=False,
        error_messages={"required": _("Tick the box if you agree. If not, nothing changes.")},
    )

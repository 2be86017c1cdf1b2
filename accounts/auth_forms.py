"""Our versions of allauth's log-in and password-change forms (ACCOUNT_FORMS).

A module of its own: allauth's forms module imports accounts.forms (the
sign-up form), so accounts.forms cannot import allauth's forms back.
"""

from allauth.account import forms as allauth_forms
from allauth.core import context
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class LoginForm(allauth_forms.LoginForm):
    """Log-in with a plain "stay logged in" choice; without it the session ends with the browser.

    The choice starts ticked: patients open the app daily, and a password wall
    every morning breaks the habit. Staff are still logged out after
    STAFF_IDLE_TIMEOUT without a request (pijnreset.middleware), ticked or not.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if "remember" in self.fields:
            self.fields["remember"].initial = True
            self.fields["remember"].label = _("Stay logged in")
            self.fields["remember"].help_text = _(
                "Only on your own device. Otherwise you are logged out when you close the browser."
            )


class ChangePasswordForm(allauth_forms.ChangePasswordForm):
    """A new password, twice; no current password.

    The page sits behind allauth's re-authentication (pijnreset/urls.py), which
    has just asked for the current password: asking again would only add a step.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["oldpassword"]


class RequestLoginCodeForm(allauth_forms.RequestLoginCodeForm):
    """Ask for a log-in code by e-mail: the address, in our words."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("E-mail address")
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "maxlength": 254})
        self.fields["email"].widget.attrs.pop("placeholder", None)


class ConfirmLoginCodeForm(allauth_forms.ConfirmLoginCodeForm):
    """The e-mailed code, and the same "stay logged in" choice as the password log-in.

    allauth logs in right after this form is valid; Django keeps the session's
    expiry through the key rotation of that log-in, so the choice holds.
    """

    remember = forms.BooleanField(label=_("Stay logged in"), required=False, initial=True)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].label = _("Code from the e-mail")
        self.fields["code"].widget.attrs.pop("placeholder", None)
        self.fields["code"].widget.attrs.update(
            {"autocomplete": "one-time-code", "autocapitalize": "characters", "maxlength": 20}
        )
        self.fields["remember"].help_text = _(
            "Only on your own device. Otherwise you are logged out when you close the browser."
        )

    def clean(self) -> dict[str, object]:
        data = super().clean()
        if not self.errors:
            session = context.request.session
            session.set_expiry(settings.SESSION_COOKIE_AGE if data.get("remember") else 0)
        return data

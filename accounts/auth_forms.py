"""Our versions of allauth's log-in and password-change forms (ACCOUNT_FORMS).

A module of its own: allauth's forms module imports accounts.forms (the
sign-up form), so accounts.forms cannot import allauth's forms back.
"""

from allauth.account import forms as allauth_forms
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

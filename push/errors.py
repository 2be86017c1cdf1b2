from django.utils.translation import gettext_lazy as _


class PushError(Exception):
    """A subscription we cannot use; `message` is for the person, `field` names the input."""

    field = "endpoint"
    message = _("This browser's notification address cannot be used.")

    def __init__(self) -> None:
        super().__init__(str(self.message))


class PushUnavailable(PushError):
    field = ""
    message = _("Notifications are not offered on this site; reminders come by e-mail.")


class EndpointRefused(PushError):
    message = _(
        "This browser's push service is not one we send to, so reminders on this device "
        "come by e-mail."
    )


class KeysInvalid(PushError):
    field = "keys"
    message = _("The browser sent keys we cannot read. Please switch notifications on again.")

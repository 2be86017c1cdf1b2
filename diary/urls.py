from datetime import date

from django.urls import path, register_converter

from diary import views


class IsoDateConverter:
    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> date:
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(value) from exc

    def to_url(self, value: date | str) -> str:
        return value.isoformat() if isinstance(value, date) else value


register_converter(IsoDateConverter, "isodate")

app_name = "diary"
urlpatterns = [
    path("", views.check_in, name="checkin"),
    path("herinnering/", views.reminder, name="reminder"),
    path("herinnering/apparaat/<uuid:device>/uit/", views.remove_device, name="remove_device"),
    path("<isodate:day>/", views.check_in, name="checkin_on"),
    path("<isodate:day>/zoals-gisteren/", views.same_as_yesterday, name="same_as_yesterday"),
]

"""The Progress tab (/voortgang/): its own namespace, classified clinical in
tests/test_clinical_gate.py (it shows the patient's check-ins and results)."""

from django.urls import path

from diary import progress
from diary.urls import IsoDateConverter  # noqa: F401  (registers "isodate")

app_name = "progress"
urlpatterns = [
    path("", progress.month_view, name="month"),
    path("dag/<isodate:day>/", progress.day_view, name="day"),
]

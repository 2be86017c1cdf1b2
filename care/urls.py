"""The patient's side of sharing (namespace "care", under /delen/)."""

from django.urls import path

from care import views

app_name = "care"
urlpatterns = [
    path("", views.sharing, name="sharing"),
    path("afspraak/", views.share_appointment, name="share_appointment"),
    path("therapeut/", views.share_therapist, name="share_therapist"),
    path("praktijk/", views.share_practice, name="share_practice"),
    path("<uuid:public_id>/stoppen/", views.stop, name="stop"),
    path("ingezien/", views.access_log, name="access_log"),
]

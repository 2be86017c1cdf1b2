from django.urls import path

import diary.urls  # noqa: F401  (registers the isodate converter)
from insights import views

app_name = "insights"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("ontdekken/", views.discover, name="discover"),
    path("factoren/", views.factors, name="factors"),
    path("factoren/<uuid:public_id>/stoppen/", views.stop_factor, name="stop_factor"),
    path("factoren/dag/", views.factor_values, name="factor_values"),
    path("factoren/dag/<isodate:day>/", views.factor_values, name="factor_values_on"),
    path("experiment/", views.experiment, name="experiment"),
    path("experiment/stoppen/", views.stop_experiment, name="stop_experiment"),
    path("weekoverzicht/", views.summary_setting, name="summary_setting"),
]

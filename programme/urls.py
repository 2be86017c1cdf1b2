"""The patient's programme pages. Included at "" inside i18n_patterns, so every
route has its own explicit Dutch slug (the home page "" stays the project's)."""

from django.urls import path

from api import views as api_views
from programme import views

app_name = "programme"
urlpatterns = [
    path("vandaag/", views.today, name="today"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("programma/", views.overview, name="overview"),
    path("programma/starten/", views.enrol, name="enrol"),
    path("programma/pauzeren/", views.pause, name="pause"),
    path("programma/hervatten/", views.resume, name="resume"),
    path("programma/opnieuw/", views.restart, name="restart"),
    path("programma/api-sleutels/", api_views.tokens, name="api_tokens"),
    path(
        "programma/api-sleutels/<uuid:public_id>/intrekken/",
        api_views.revoke_token,
        name="revoke_api_token",
    ),
    path("opvlamming/aan/", views.flare_on, name="flare_on"),
    path("opvlamming/uit/", views.flare_off, name="flare_off"),
    path("opvlamming/niet-nu/", views.dismiss_flare_suggestion, name="dismiss_flare_suggestion"),
    path("lessen/<slug:key>/", views.lesson, name="lesson"),
    path("lessen/<slug:key>/gelezen/", views.complete_lesson, name="complete_lesson"),
    path("uitleg/", views.pages, name="pages"),
    path("uitleg/<slug:slug>/", views.page, name="page"),
]

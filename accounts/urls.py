from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("profiel/", views.profile, name="profile"),
    path("toestemming/<slug:purpose>/intrekken/", views.withdraw_consent, name="withdraw_consent"),
    path("toestemming/ingetrokken/", views.consent_withdrawn, name="consent_withdrawn"),
    path("toestemming/geven/", views.give_health_consent, name="give_health_consent"),
    path(
        "toestemming/onderzoek/geven/",
        views.give_research_consent,
        name="give_research_consent",
    ),
    path("verwijderen/", views.delete_account, name="delete"),
]

from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("profiel/", views.profile, name="profile"),
    path("toestemming/<slug:purpose>/intrekken/", views.withdraw_consent, name="withdraw_consent"),
    path("verwijderen/", views.delete_account, name="delete"),
]

from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    # Before allauth's own URLs (pijnreset/urls.py): the same page, 429 when rate-limited.
    # No name of its own: reverse("account_login") gives this same address.
    path("login/", views.login),
    path("profiel/", views.profile, name="profile"),
    path("toestemming/<slug:purpose>/intrekken/", views.withdraw_consent, name="withdraw_consent"),
    path("verwijderen/", views.delete_account, name="delete"),
]

from allauth.account.decorators import reauthentication_required
from allauth.account.views import password_change
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from accounts import views as accounts_views
from api.main import api
from pijnreset import views
from stories.sitemaps import SITEMAPS

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # Outside the language prefix: one worker for the whole site (docs/offline.md).
    path("sw.js", views.service_worker, name="service_worker"),
    path("api/v1/", api.urls),
    path(settings.ADMIN_URL, admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("hulp/", views.help_page, name="help"),
    path("over/", views.about, name="about"),
    path("privacy/", views.privacy, name="privacy"),
    path("meer/", views.more, name="more"),
    path("voortgang/", include("diary.progress_urls")),
    path("offline/", views.offline, name="offline"),
    path("account/", include("accounts.urls")),
    # Ahead of allauth's own route: a new password only after the current one
    # was given again (re-authentication, issue 11; see accounts/auth_forms.py).
    path(
        "account/password/change/",
        reauthentication_required(password_change, app="allauth.account"),
        name="account_change_password",
    ),
    # allauth's log-in page, answering 429 when its limit refuses: before allauth's URLs.
    path("account/login/", accounts_views.login, name="account_login"),
    path("account/", include("allauth.urls")),
    path("zorg/", include("care.staff_urls")),
    path("delen/", include("care.urls")),
    path("oefeningen/", include("exercises.urls")),
    path("", include("programme.urls")),
    path("dagboek/", include("diary.urls")),
    path("vragenlijsten/", include("assessments.urls")),
    path("inzicht/", include("insights.urls")),
    path("praktijken/", include("practices.urls")),
    path("afspraken/", include("bookings.urls")),
    path("mijn-gegevens/", include("dataports.urls")),
    path("reviews/", include("reviews.urls")),
    path("verhalen/", include("stories.urls")),
    path("winkel/", include("shop.urls")),
    prefix_default_language=False,
)

handler403 = "pijnreset.views.permission_denied"
# allauth answers its own rate limits (log-in, sign-up, reset) with this view.
handler429 = "pijnreset.ratelimit.allauth_429"
handler404 = "pijnreset.views.page_not_found"
handler500 = "pijnreset.views.server_error"

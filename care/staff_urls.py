"""The therapist's and operator's side (namespace "care_staff", under /zorg/)."""

from django.urls import path

from care import operator_views, staff_views

app_name = "care_staff"
urlpatterns = [
    path("", staff_views.dashboard, name="dashboard"),
    path("tweestaps/", staff_views.second_factor, name="second_factor"),
    path("patient/<uuid:share_id>/", staff_views.patient, name="patient"),
    path("patient/<uuid:share_id>/voor-afspraak/", staff_views.summary, name="summary"),
    path("patient/<uuid:share_id>/notitie/", staff_views.note, name="note"),
    path("patient/<uuid:share_id>/bericht/", staff_views.message, name="message"),
    path("patient/<uuid:share_id>/huiswerk/", staff_views.homework, name="homework"),
    path("beheer/inzage-log.csv", operator_views.audit_export, name="audit_export"),
    path("beheer/uitkomsten/", operator_views.outcomes, name="outcomes"),
]

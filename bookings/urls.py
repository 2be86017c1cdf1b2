from django.urls import path

from bookings import staff_views, views

app_name = "bookings"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("boeken/<uuid:practice_id>/", views.slots, name="slots"),
    path("boeken/<uuid:practice_id>/tijd/", views.book, name="book"),
    path("boeken/check-je-mail/", views.held, name="held"),
    path("boeken/check-je-mail/langer/", views.extend_hold, name="extend_hold"),
    path("bevestigen/<str:token>/", views.confirm, name="confirm"),
    path("link/<str:token>/", views.manage_link, name="link"),
    path("link/<str:token>/annuleren/", views.link_cancel, name="link_cancel"),
    path("link/<str:token>/verzetten/", views.link_reschedule, name="link_reschedule"),
    path("agenda/", staff_views.agenda_home, name="agenda_home"),
    path("agenda/<uuid:practice_id>/", staff_views.agenda, name="agenda"),
    path("agenda/<uuid:practice_id>/blokkeren/", staff_views.block, name="block"),
    path(
        "agenda/<uuid:practice_id>/blokkeren/<uuid:block_id>/verwijderen/",
        staff_views.unblock,
        name="unblock",
    ),
    path(
        "praktijk/<uuid:practice_id>/werktijden/<uuid:therapist_id>/",
        staff_views.working_hours,
        name="working_hours",
    ),
    path("praktijk/<uuid:practice_id>/afspraaktypen/", staff_views.appointment_types, name="types"),
    path("<uuid:appointment_id>/", views.appointment_detail, name="appointment"),
    path("<uuid:appointment_id>/annuleren/", views.cancel, name="cancel"),
    path("<uuid:appointment_id>/verzetten/", views.reschedule, name="reschedule"),
    path("<uuid:appointment_id>/uitkomst/", staff_views.outcome, name="outcome"),
]

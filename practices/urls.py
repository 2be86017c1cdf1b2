from django.urls import path

from practices import manage_views, views

app_name = "practices"
urlpatterns = [
    path("", views.finder_page, name="finder"),
    path("suggesties/", views.suggestions, name="suggestions"),
    path("therapeuten/", views.therapists_page, name="therapists"),
    path("op-afstand/", views.remote_page, name="remote"),
    path("therapeut/<uuid:therapist_id>/", views.therapist_page, name="therapist"),
    path("beheer/", manage_views.manage, name="manage"),
    path("<uuid:practice_id>/", views.practice_page, name="practice"),
    path("<uuid:practice_id>/bewerken/", manage_views.edit_practice, name="edit"),
    path("<uuid:practice_id>/openingstijden/", manage_views.opening_hours, name="hours"),
    path("<uuid:practice_id>/sluitingen/", manage_views.add_closure, name="closure_add"),
    path(
        "<uuid:practice_id>/sluitingen/verwijderen/",
        manage_views.delete_closure,
        name="closure_delete",
    ),
    path(
        "<uuid:practice_id>/therapeuten/nieuw/", manage_views.edit_therapist, name="therapist_add"
    ),
    path(
        "<uuid:practice_id>/therapeuten/<uuid:therapist_id>/",
        manage_views.edit_therapist,
        name="therapist_edit",
    ),
]

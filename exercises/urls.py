from django.urls import path

from exercises.views import journals, movement, sessions

app_name = "exercises"
urlpatterns = [
    path("", sessions.catalogue, name="list"),
    path("breathing/", sessions.breathing, name="breathing"),
    path("pmr/", sessions.guided, {"key": "pmr"}, name="pmr"),
    path("body_scan/", sessions.guided, {"key": "body_scan"}, name="body_scan"),
    path("sessie/<uuid:public_id>/", sessions.session, name="session"),
    path("sessie/<uuid:public_id>/afronden/", sessions.finish, name="finish"),
    path("movement/", movement.movement, name="movement"),
    path("movement/quotum/", movement.quota, name="movement_quota"),
    path("movement/instellingen/", movement.movement_settings, name="movement_settings"),
    path(
        "movement/<uuid:public_id>/verwijderen/", movement.delete_movement, name="movement_delete"
    ),
    path("gratitude/", journals.gratitude, name="gratitude"),
    path("gratitude/<uuid:public_id>/", journals.gratitude_entry, name="gratitude_entry"),
    path(
        "gratitude/<uuid:public_id>/verwijderen/",
        journals.delete_gratitude,
        name="gratitude_delete",
    ),
    path("social/", journals.social, name="social"),
    path("social/<uuid:public_id>/terugblik/", journals.check_intention, name="social_check"),
    path("emotion/", journals.emotion, name="emotion"),
    path("emotion/<uuid:public_id>/", journals.emotion_entry, name="emotion_entry"),
    path("emotion/<uuid:public_id>/verwijderen/", journals.delete_emotion, name="emotion_delete"),
]

from django.urls import path

from assessments import views, views_red_flags

app_name = "assessments"
urlpatterns = [
    path("", views.index, name="index"),
    path("begin/<slug:key>/<slug:occasion>/", views.start, name="start"),
    path("<uuid:public_id>/vraag/<int:number>/", views.question, name="question"),
    path("<uuid:public_id>/alle-vragen/", views.all_questions, name="all_questions"),
    path("<uuid:public_id>/controleren/", views.review, name="review"),
    path("<uuid:public_id>/uitslag/", views.result, name="result"),
    path("<uuid:public_id>/steun/", views.crisis, name="crisis"),
    path("<uuid:public_id>/verbeteren/", views.correct, name="correct"),
    path("<uuid:public_id>/weggooien/", views.discard, name="discard"),
    path("rode-vlaggen/", views_red_flags.red_flags, name="red_flags"),
    path(
        "rode-vlaggen/<uuid:public_id>/",
        views_red_flags.red_flag_result,
        name="red_flag_result",
    ),
    path(
        "rode-vlaggen/<uuid:public_id>/bevestigen/",
        views_red_flags.confirm_visit,
        name="confirm_visit",
    ),
]

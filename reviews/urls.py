from django.urls import path

from reviews import account_views, staff_views, views

app_name = "reviews"
urlpatterns = [
    path("", views.network_page, name="network"),
    path("hoe-wij-controleren/", views.how_we_check, name="how"),
    path("badge.svg", views.network_badge, name="network_badge"),
    path("badge/<slug:slug>.svg", views.practice_badge, name="badge"),
    path("schrijven/<str:token>/", account_views.write_by_link, name="write_by_link"),
    path("afspraak/<uuid:appointment_id>/", account_views.write_for_appointment, name="write"),
    path("mijn/", account_views.mine, name="mine"),
    path("mijn/<uuid:review_id>/", account_views.edit, name="edit"),
    path("mijn/<uuid:review_id>/intrekken/", account_views.withdraw, name="withdraw"),
    path("moderatie/", staff_views.queue, name="queue"),
    path("moderatie/<uuid:review_id>/", staff_views.decide, name="decide"),
    path("praktijk/<uuid:practice_id>/", staff_views.practice_reviews, name="practice"),
    path("praktijk/<uuid:practice_id>/<uuid:review_id>/antwoord/", staff_views.reply, name="reply"),
    path("praktijk/<uuid:practice_id>/<uuid:review_id>/melden/", staff_views.report, name="report"),
]

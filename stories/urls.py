from django.urls import path

from stories import views

app_name = "stories"
urlpatterns = [
    path("", views.index, name="index"),
    path("schrijven/", views.write, name="write"),
    path("mijn/", views.mine, name="mine"),
    path("mijn/<uuid:story_id>/intrekken/", views.withdraw, name="withdraw"),
    path("moderatie/", views.queue, name="queue"),
    path("moderatie/<uuid:story_id>/", views.decide, name="decide"),
    path("<uuid:story_id>/", views.story, name="story"),
]

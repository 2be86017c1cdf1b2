from django.urls import path

from dataports import views

app_name = "dataports"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("exporteren/", views.export, name="export"),
    path("rapport/", views.report_new, name="report_new"),
    path("rapport/<uuid:report_id>/", views.report_status, name="report"),
    path("rapport/<uuid:report_id>/pdf/", views.report_download, name="report_pdf"),
    path("importeren/", views.import_upload, name="import"),
    path("importeren/<uuid:upload_id>/", views.import_columns, name="import_columns"),
]

from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.article_list, name="list"),
    path("new/", views.article_upload, name="upload"),
    path("states/", views.article_states, name="states"),
    path("import/", views.import_start, name="import_start"),
    path("import/<int:pk>/", views.import_progress, name="import"),
    path("<int:pk>/", views.article_detail, name="detail"),
    path("<int:pk>/reextract/", views.article_reextract, name="reextract"),
]

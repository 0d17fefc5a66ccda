"""Every address: the newsroom's pages, the admin, the API (v1) and its schema."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from articles.api import ArticleViewSet
from claims.api import ClaimViewSet, FactViewSet

from .api import api_not_found
from .health import healthz
from .logins import ThrottledAdminAuthenticationForm, ThrottledAuthenticationForm

admin.site.login_form = ThrottledAdminAuthenticationForm
admin.site.site_header = "factcheck: review desk"
admin.site.site_title = "factcheck"
admin.site.index_title = "Review desk"

api = SimpleRouter()
api.register("facts", FactViewSet, basename="fact")
api.register("claims", ClaimViewSet, basename="claim")
api.register("articles", ArticleViewSet, basename="article")

urlpatterns = [
    # The API first: its readers are the most frequent requests, and Django tries each in turn.
    path("api/v1/", include((api.urls, "api"))),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    re_path(r"^api/(?P<rest>.*)$", api_not_found),
    path("", RedirectView.as_view(pattern_name="articles:list"), name="home"),
    path("healthz", healthz, name="healthz"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=ThrottledAuthenticationForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("articles/", include("articles.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "factcheck.api.bad_request"
handler403 = "factcheck.api.permission_denied"
handler404 = "factcheck.api.page_not_found"
handler500 = "factcheck.api.server_error"

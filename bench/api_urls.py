"""The product's URLs plus the two baselines the facts API is measured against."""

from django.http import JsonResponse
from django.urls import include, path
from rest_framework import generics, pagination, serializers
from rest_framework.permissions import AllowAny

from claims.models import Claim, Fact


def bare(request):
    """The ceiling: a constant JSON answer through the same middleware."""
    return JsonResponse({"status": "ok"})


class PlainCitationSerializer(serializers.ModelSerializer):
    article_title = serializers.CharField(source="article.title")
    outlet = serializers.CharField(source="article.outlet")
    article_url = serializers.CharField(source="article.url")
    published = serializers.DateField(source="article.published")

    class Meta:
        model = Claim
        fields = ["text", "start", "end", "article_title", "outlet", "article_url", "published"]


class PlainFactSerializer(serializers.ModelSerializer):
    citations = PlainCitationSerializer(source="claims", many=True)
    verified_by = serializers.CharField(source="verified_by.username")

    class Meta:
        model = Fact
        fields = [
            "id",
            "subject",
            "kind",
            "verified_number",
            "verified_unit",
            "verified_qualifier",
            "status",
            "verified_by",
            "verified_at",
            "published_at",
            "citations",
        ]


class PlainPages(pagination.PageNumberPagination):
    page_size = 50


class PlainFactList(generics.ListAPIView):
    """What DRF gives out of the box: model instances, nested serializers, page numbers."""

    permission_classes = [AllowAny]
    serializer_class = PlainFactSerializer
    pagination_class = PlainPages
    filter_backends = []
    queryset = (
        Fact.objects.filter(status="published")
        .select_related("verified_by")
        .prefetch_related("claims__article")
        .order_by("-published_at")
    )


urlpatterns = [
    path("bench/bare/", bare),
    path("bench/plain-drf/", PlainFactList.as_view()),
    path("", include("factcheck.urls")),
]

from django.contrib import admin

from .models import Claim


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ("text", "kind", "value", "unit", "qualifier", "subject", "article", "status")
    list_filter = ("status", "kind", "qualifier")
    search_fields = ("text", "subject", "article__title")
    list_select_related = ("article",)
    raw_id_fields = ("article", "converts")
    show_full_result_count = False
    readonly_fields = (
        "article",
        "start",
        "end",
        "text",
        "sentence_start",
        "sentence_end",
        "kind",
        "number",
        "number_high",
        "date",
        "unit",
        "qualifier",
        "subject",
        "converts",
        "extractor",
        "extractor_version",
        "confidence",
        "status",
        "created_at",
    )

    def has_add_permission(self, request) -> bool:
        return False

from django.contrib import admin

from . import facts
from .models import Claim, ExchangeRate, Fact, FactEvent


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = (
        "text",
        "kind",
        "value",
        "unit",
        "qualifier",
        "subject",
        "article",
        "fact",
        "status",
    )
    list_filter = ("status", "kind", "qualifier")
    search_fields = ("text", "subject", "article__title")
    list_select_related = ("article", "fact")
    raw_id_fields = ("article", "converts", "fact")
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
        # Grouping changes go through claims.facts (move_claim), which writes the audit trail.
        "fact",
        "extractor",
        "extractor_version",
        "confidence",
        "status",
        "created_at",
    )

    def has_add_permission(self, request) -> bool:
        return False


class FactClaimInline(admin.TabularInline):
    model = Claim
    fields = ("text", "kind", "value", "unit", "qualifier", "article", "converts", "status")
    readonly_fields = fields
    raw_id_fields = ("article", "converts")
    extra = 0
    show_change_link = True
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class FactEventInline(admin.TabularInline):
    model = FactEvent
    fields = ("at", "action", "actor", "note", "before", "after")
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ("-at", "-id")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Fact)
class FactAdmin(admin.ModelAdmin):
    """Facts are computed: the admin shows them; corrections go through claims.facts."""

    list_display = ("subject", "kind", "dimension", "agreement", "claim_count", "article_count")
    list_filter = ("agreement", "kind")
    search_fields = ("subject", "explanation")
    show_full_result_count = False
    fields = (
        "subject",
        "kind",
        "dimension",
        "agreement",
        "explanation",
        "claim_count",
        "article_count",
        "created_at",
        "updated_at",
    )
    readonly_fields = fields
    inlines = (FactClaimInline, FactEventInline)

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    list_display = ("from_currency", "to_currency", "on", "rate", "created_by", "created_at")
    list_filter = ("from_currency", "to_currency")
    fields = ("from_currency", "to_currency", "on", "rate", "note")

    def save_model(self, request, obj, form, change) -> None:
        # Through the service: the money facts it affects are compared again.
        facts.save_exchange_rate(obj, actor=request.user)

"""The articles in the admin: read their processing history; editing an article's title,
outlet, address or date rewrites the public records that cite it.
"""

from django import forms
from django.contrib import admin

from claims.models import Claim
from claims.public.records import record_changes

from . import services
from .models import Article, ArticleEvent, Outlet


class ArticleEventInline(admin.TabularInline):
    model = ArticleEvent
    fields = ("at", "from_status", "to_status", "actor", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "outlet", "published", "status", "created_at")
    list_filter = ("status", "outlet")
    search_fields = ("title", "outlet", "url")
    date_hierarchy = "created_at"
    list_select_related = ("uploaded_by",)
    readonly_fields = (
        "status",
        "status_reason",
        "status_changed_at",
        "text_hash",
        "uploaded_by",
        "created_at",
        "original_format",
        "original_filename",
        "body",
        "original",
    )
    fields = ("title", "outlet", "author", "url", "published", *readonly_fields)
    inlines = [ArticleEventInline]
    show_full_result_count = False

    # An article's title, outlet, address and date are part of every citation the API serves.

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        cited = Claim.objects.filter(article=obj, fact__isnull=False).values_list("fact_id")
        record_changes(fact_id for (fact_id,) in cited.distinct())


class OutletForm(forms.ModelForm):
    class Meta:
        model = Outlet
        fields = ("name", "country", "currency")

    # Codes are written in capitals; "ca" is taken as CA rather than refused.
    def clean_country(self) -> str:
        return self.cleaned_data["country"].strip().upper()

    def clean_currency(self) -> str:
        return self.cleaned_data["currency"].strip().upper()


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    form = OutletForm
    list_display = ("name", "country", "currency")
    search_fields = ("name",)

    def save_model(self, request, obj, form, change) -> None:
        services.save_outlet(obj, actor=request.user)

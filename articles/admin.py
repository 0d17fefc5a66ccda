"""The articles in the admin: read their processing history; editing an article's title,
outlet, address or date rewrites the public records that cite it.
"""

from django.contrib import admin

from claims.models import Claim
from claims.public.records import record_changes

from .models import Article, ArticleEvent


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

"""The articles in the admin: read their processing history. Adding leads to the upload
form; changing an article's details and deleting it go through articles.services, which keep
the facts citing it and their public records true.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

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

    # Articles are written through articles.services only: added by the upload form (the same
    # checks for everyone), details changed and articles deleted through their services,
    # which keep the facts citing them and their public records true.

    def add_view(self, request, form_url="", extra_context=None):
        return redirect("articles:upload")

    def save_model(self, request, obj, form, change) -> None:
        details = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            services.change_details(obj, actor=request.user, **details)
        except ValueError as exc:
            # form validation normally catches this first
            raise ValidationError(str(exc)) from exc

    def get_deleted_objects(self, objs, request):
        # The article's claims go with it through the service, whatever the claims admin
        # allows by hand (nothing): the confirmation page lists them without asking for it.
        deleted, counts, _perms_needed, protected = super().get_deleted_objects(objs, request)
        return deleted, counts, set(), protected

    def delete_model(self, request, obj) -> None:
        services.delete_article(obj, actor=request.user)

    def delete_queryset(self, request, queryset) -> None:
        for article in queryset:
            services.delete_article(article, actor=request.user)
        self.message_user(
            request,
            "Their figures left their facts; published facts no longer cite them.",
            messages.INFO,
        )


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

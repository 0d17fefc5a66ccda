"""The review desk in the admin: the claims list, the facts queue (disputed first) and their
actions, each calling a claims.review or claims.facts service; events are read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from articles.models import Article

from . import facts, review, review_views, selectors
from .models import QUEUE_RANK, Claim, ClaimEvent, ExchangeRate, Fact, FactEvent, PrimarySource

# --------------------------------------------------------------------------------------------
# Events: read-only for everyone, superusers included
# --------------------------------------------------------------------------------------------


class ReadOnlyAdminMixin:
    """History is appended by the services only: nobody adds, edits or deletes it here."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ClaimEvent)
class ClaimEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("at", "claim", "action", "from_status", "to_status", "actor", "note")
    list_filter = ("action",)
    list_select_related = ("claim", "actor")
    show_full_result_count = False
    fields = ("claim", "action", "from_status", "to_status", "actor", "note", "before", "after")


@admin.register(FactEvent)
class FactEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("at", "fact", "action", "from_status", "to_status", "actor", "note")
    list_filter = ("action",)
    list_select_related = ("fact", "actor")
    show_full_result_count = False
    fields = ("fact", "action", "from_status", "to_status", "actor", "note", "before", "after")


class ClaimEventInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = ClaimEvent
    fields = ("at", "action", "from_status", "to_status", "actor", "note", "before", "after")
    readonly_fields = fields
    extra = 0
    ordering = ("-at", "-id")


class FactEventInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = FactEvent
    fields = ("at", "action", "from_status", "to_status", "actor", "note", "before", "after")
    readonly_fields = fields
    extra = 0
    ordering = ("-at", "-id")


# --------------------------------------------------------------------------------------------
# Claims
# --------------------------------------------------------------------------------------------


class DetailsOnlyMixin:
    """A change page with nothing to change (decisions are taken on the review page): no
    Save buttons."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        nothing_to_save = {
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
        }
        return super().change_view(
            request, object_id, form_url, {**(extra_context or {}), **nothing_to_save}
        )


def _report(
    model_admin: admin.ModelAdmin,
    request,
    items: Iterable,
    act: Callable,
    *,
    verb: str,
) -> None:
    """Run a service on each item (never a bulk UPDATE) and say what was done and refused."""
    report = review.BulkReport()
    for item in items:
        try:
            act(item)
        except review.ReviewError as exc:
            report.refused.append((str(item), str(exc)))
        else:
            report.done.append(str(item))
    model_admin.message_user(request, report.summary(verb), messages.SUCCESS)
    for item, reason in report.refused[:20]:
        model_admin.message_user(request, f"Refused {item}: {reason}", messages.WARNING)
    if len(report.refused) > 20:
        model_admin.message_user(
            request, f"… and {len(report.refused) - 20} more refused.", messages.WARNING
        )


@admin.register(Claim)
class ClaimAdmin(DetailsOnlyMixin, admin.ModelAdmin):
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
        "subject_entity",
        "subject_measure",
        "subject_reference",
        "subject_scope",
        "subject_place",
        "subject_key",
        "subject_terms",
        "incidental",
        "converts",
        # Regrouping goes through claims.review (the review page), which writes the audit trail.
        "fact",
        "extractor",
        "extractor_version",
        # Review state changes go through claims.review, which writes the audit trail.
        "status",
        "version",
        "reviewed_by",
        "reviewed_at",
        "corrected_number",
        "corrected_unit",
        "corrected_date",
        "correction_note",
        "corrected_by",
        "corrected_at",
        "created_at",
        "review_page",
    )
    inlines = (ClaimEventInline,)
    actions = ["confirm_selected"]

    def get_readonly_fields(self, request, obj=None):
        # Every field, whatever fields the model gains: a claim changes only through the
        # services (extraction, grouping, review), never on this page.
        return (*(f.name for f in Claim._meta.concrete_fields if f.name != "id"), "review_page")

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        # Claims leave only through a new extraction of their article, which keeps the
        # reviewed ones; deleting here would cut their history loose.
        return False

    def has_review_permission(self, request) -> bool:
        return request.user.has_perm(review.REVIEW_CLAIMS)

    @admin.display(description="Review")
    def review_page(self, claim: Claim) -> str:
        if claim.fact_id is None:
            return "-"
        url = reverse("admin:claims_fact_review", args=[claim.fact_id])
        return format_html('<a href="{}">Review its fact</a>', url)

    @admin.action(description="Confirm selected claims", permissions=["review"])
    def confirm_selected(self, request, queryset) -> None:
        _report(
            self,
            request,
            queryset,
            lambda claim: review.confirm_claim(claim, reviewer=request.user, version=claim.version),
            verb="confirmed",
        )


# --------------------------------------------------------------------------------------------
# Facts: the review queue
# --------------------------------------------------------------------------------------------


class MyQueueFilter(admin.SimpleListFilter):
    title = "queue"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [("mine", "My queue"), ("unassigned", "Unassigned")]

    def queryset(self, request, queryset):
        if self.value() == "mine":
            return queryset.filter(assigned_to=request.user)
        if self.value() == "unassigned":
            return queryset.filter(assigned_to=None)
        return queryset


class AssignedReviewerFilter(admin.SimpleListFilter):
    title = "assigned reviewer"
    parameter_name = "reviewer"

    def lookups(self, request, model_admin):
        users = get_user_model().objects.filter(
            Exists(Fact.objects.filter(assigned_to=OuterRef("pk")))
        )
        return [(str(user.pk), user.get_username()) for user in users.order_by("username")]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(assigned_to_id=int(self.value()))
        return queryset


class OutletFilter(admin.SimpleListFilter):
    title = "outlet"
    parameter_name = "outlet"

    def lookups(self, request, model_admin):
        outlets = (
            Article.objects.exclude(outlet="")
            .order_by("outlet")
            .values_list("outlet", flat=True)
            .distinct()[:100]
        )
        return [(outlet, outlet) for outlet in outlets]

    def queryset(self, request, queryset):
        if self.value():
            # Exists, not a join: a fact with two mentions from one outlet is listed once.
            return queryset.filter(
                Exists(Claim.objects.filter(fact=OuterRef("pk"), article__outlet=self.value()))
            )
        return queryset


class ArticleFilter(admin.SimpleListFilter):
    """The latest articles, and any one by id: ?article=ID (as the article page links it)."""

    title = "article"
    parameter_name = "article"

    def lookups(self, request, model_admin):
        articles = list(Article.objects.only("id", "title").order_by("-created_at", "-id")[:15])
        chosen = self.value()
        if chosen and chosen.isdigit() and all(str(a.pk) != chosen for a in articles):
            articles += list(Article.objects.filter(pk=int(chosen)).only("id", "title"))
        return [(str(article.pk), article.title[:60]) for article in articles]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(
                Exists(Claim.objects.filter(fact=OuterRef("pk"), article_id=int(self.value())))
            )
        return queryset


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

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class PrimarySourceInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = PrimarySource
    fields = ("title", "url", "quote", "added_by", "added_at")
    readonly_fields = fields
    extra = 0


@admin.register(Fact)
class FactAdmin(DetailsOnlyMixin, admin.ModelAdmin):
    """The review queue: disputed facts first, then most sources, newest first.

    Facts are computed and reviewed through services: the change form only shows them; the
    review page (a link on every row) is where decisions are taken.
    """

    # The Review link comes first so that no width of screen pushes it out of sight.
    list_display = (
        "review_link",
        "subject_line",
        "values",
        "agreement",
        "state",
        "outlets",
        "newest_article",
        "articles",
    )
    list_display_links = None
    list_filter = (
        MyQueueFilter,
        "agreement",
        "status",
        "kind",
        OutletFilter,
        ArticleFilter,
        AssignedReviewerFilter,
    )
    search_fields = ("subject", "claims__text")
    list_select_related = ("assigned_to",)
    show_full_result_count = False
    # Matches the fact_queue_order index (claims.models.Fact.Meta).
    ordering = (QUEUE_RANK.asc(), "-article_count", "-id")
    fields = (
        "review_link",
        "subject",
        "subject_edited_by",
        "subject_edited_at",
        "story",
        "kind",
        "dimension",
        "agreement",
        "explanation",
        "claim_count",
        "article_count",
        "status",
        "version",
        "assigned_to",
        "verified_value",
        "verified_claim",
        "verified_by",
        "verified_at",
        "published_by",
        "published_at",
        "created_at",
        "updated_at",
    )
    readonly_fields = fields
    inlines = (FactClaimInline, PrimarySourceInline, FactEventInline)
    actions = ["assign_to_me", "verify_selected", "publish_selected"]

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/review/",
                wrap(partial(review_views.review_page, model_admin=self)),
                name="claims_fact_review",
            ),
            path(
                "<int:pk>/review/<slug:action>/",
                wrap(partial(review_views.review_action, model_admin=self)),
                name="claims_fact_review_action",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        mine = Q(assigned_to=request.user)
        counts = Fact.objects.aggregate(
            disputed_open=Count("pk", filter=Q(agreement="disputed", status="open")),
            open=Count("pk", filter=Q(status="open")),
            verified=Count("pk", filter=Q(status="verified")),
            published=Count("pk", filter=Q(status="published")),
            mine=Count("pk", filter=mine & Q(status__in=["open", "verified"])),
        )
        # The review page's way back to the queue keeps the reviewer's filters.
        request.session[review_views.QUEUE_QUERY] = request.GET.urlencode()
        # The rows need the whole width: the values, outlets and the Review link stay in view.
        context = {**(extra_context or {}), "counts": counts, "is_nav_sidebar_enabled": False}
        return super().changelist_view(request, context)

    def get_queryset(self, request):
        # The rows' values, outlets and dates: one query for the facts of the page.
        return super().get_queryset(request).prefetch_related(selectors.queue_claims())

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_verify_permission(self, request) -> bool:
        return request.user.has_perm(review.VERIFY_FACTS)

    def has_publish_permission(self, request) -> bool:
        return request.user.has_perm(review.PUBLISH_FACTS)

    def has_assign_permission(self, request) -> bool:
        return request.user.has_perm(review.ASSIGN_FACTS)

    @admin.display(description="Articles", ordering="article_count")
    def articles(self, fact: Fact) -> int:
        return fact.article_count

    @admin.display(description="Review")
    def review_link(self, fact: Fact) -> str:
        url = reverse("admin:claims_fact_review", args=[fact.pk])
        return format_html('<a class="review-link" href="{}">Review</a>', url)

    @admin.display(description="Subject", ordering="subject")
    def subject_line(self, fact: Fact) -> str:
        url = reverse("admin:claims_fact_review", args=[fact.pk])
        row = selectors.queue_row(fact)
        edited = " ✎" if fact.subject_edited_by_id else ""
        return format_html(
            '<a href="{}">{}</a>{}<small class="why" title="{}">{}</small>',
            url,
            fact.subject,
            edited,
            row.explanation,
            row.explanation,
        )

    @admin.display(description="Values as written")
    def values(self, fact: Fact) -> str:
        row = selectors.queue_row(fact)
        if row.value_range:
            low, high, count = row.value_range
            return format_html("“{}” to “{}” <small>({} values)</small>", low, high, count)
        return format_html_join(
            "",
            '<span class="value">“{}” <small>{}</small></span>',
            ((value.text, ", ".join(value.outlets)) for value in row.values),
        )

    @admin.display(description="Status", ordering="status")
    def state(self, fact: Fact) -> str:
        if fact.assigned_to_id is None:
            return fact.get_status_display()
        return format_html(
            "{}<small>assigned to {}</small>", fact.get_status_display(), fact.assigned_to
        )

    @admin.display(description="Outlets")
    def outlets(self, fact: Fact) -> str:
        names = selectors.queue_row(fact).outlets
        more = f" and {len(names) - 3} more" if len(names) > 3 else ""
        return ", ".join(names[:3]) + more

    @admin.display(description="Newest article")
    def newest_article(self, fact: Fact) -> str:
        newest = selectors.queue_row(fact).newest
        return newest.isoformat() if newest else "-"

    @admin.display(description="Verified value")
    def verified_value(self, fact: Fact) -> str:
        return fact.verified_value or "-"

    @admin.action(description="Assign selected facts to me", permissions=["assign"])
    def assign_to_me(self, request, queryset) -> None:
        _report(
            self,
            request,
            queryset,
            lambda fact: review.assign_fact(fact, reviewer=request.user, version=fact.version),
            verb="assigned",
        )

    @admin.action(
        description="Verify selected facts (where the confirmed claims agree on one value)",
        permissions=["verify"],
    )
    def verify_selected(self, request, queryset) -> None:
        _report(
            self,
            request,
            queryset,
            lambda fact: review.verify_fact_from_confirmed(
                fact, reviewer=request.user, version=fact.version
            ),
            verb="verified",
        )

    @admin.action(description="Publish selected verified facts", permissions=["publish"])
    def publish_selected(self, request, queryset) -> None:
        _report(
            self,
            request,
            queryset,
            lambda fact: review.publish_fact(fact, reviewer=request.user, version=fact.version),
            verb="published",
        )


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    list_display = ("from_currency", "to_currency", "on", "rate", "created_by", "created_at")
    list_filter = ("from_currency", "to_currency")
    fields = ("from_currency", "to_currency", "on", "rate", "note")

    # Through the services: the money facts a rate affects are compared again.

    def save_model(self, request, obj, form, change) -> None:
        facts.save_exchange_rate(obj, actor=request.user)

    def delete_model(self, request, obj) -> None:
        facts.delete_exchange_rate(obj, actor=request.user)

    def delete_queryset(self, request, queryset) -> None:
        for rate in queryset:
            facts.delete_exchange_rate(rate, actor=request.user)

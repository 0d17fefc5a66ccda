"""What an article is (its text, where it came from, its processing status) and the events
recording each status change.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse


class Story(models.Model):
    """Articles about one event. Grouping, its order and its locks work within a story."""

    title = models.CharField(max_length=300)
    # Entity keys the story's articles name most (claims.about.entity_key), for new articles
    # to be matched against; bounded.
    names = models.JSONField(default=list, blank=True)
    # How much its articles weigh each of those names (each article adds 1 for the name it
    # leads with, 1/2 for its second, ...): the names are ordered by it, so the story's first
    # names are those most of its articles lead with, whatever order they came in.
    name_weights = models.JSONField(default=dict, blank=True)
    # Figures its articles state that can tell the story ("count|2350", articles.stories),
    # for an article sharing only one name with it; bounded.
    figures = models.JSONField(default=list, blank=True)
    # How its articles' claims write each entity they are about, with the entity key they
    # stored ("Orrel United": "orrel"): a new article's names take the story's keys
    # (claims.about.resolve_keys). Kept as articles join, so reading it costs the same however
    # large the story grows; bounded (articles.stories).
    name_forms = models.JSONField(default=dict, blank=True)
    # A reviewer moved an article into or out of it: the machine no longer merges it with
    # another story it seems to tell.
    placed_by_reviewer = models.BooleanField(default=False)
    # The publication dates of its articles, first and last: a story is found near them.
    first_published = models.DateField(null=True, blank=True)
    last_published = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]
        verbose_name_plural = "stories"

    def __str__(self) -> str:
        return self.title


class Article(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", "Received"
        EXTRACTING = "extracting", "Extracting"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    class Format(models.TextChoices):
        TEXT = "text", "Plain text"
        MARKDOWN = "markdown", "Markdown"
        HTML = "html", "HTML"

    title = models.CharField(max_length=300)
    outlet = models.CharField(max_length=200, blank=True)
    author = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    published = models.DateField(null=True, blank=True, db_index=True)
    # The text figures are extracted from; claim offsets index into it.
    body = models.TextField()
    # What the editor gave us, as given (an HTML page stays HTML here).
    original = models.TextField()
    original_format = models.CharField(max_length=16, choices=Format.choices)
    original_filename = models.CharField(max_length=255, blank=True)
    # sha256 of the body with case and white space folded: one article per text.
    text_hash = models.CharField(max_length=64)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.RECEIVED)
    status_reason = models.TextField(blank=True)
    # The story the article is about; set by articles.stories when it is extracted.
    story = models.ForeignKey(
        Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    status_changed_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        # Declared here rather than on the fields: compared for equality only, they need no
        # second, pattern-matching index, which every change of status would write too.
        indexes = [models.Index(fields=["status"], name="article_status")]
        constraints = [
            models.UniqueConstraint(fields=["text_hash"], name="article_text_hash_unique"),
            models.CheckConstraint(
                condition=Q(status__in=["received", "extracting", "done", "failed"]),
                name="article_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", args=[self.pk])

    @property
    def is_settled(self) -> bool:
        """Whether the worker has finished with this article, for better or worse."""
        return self.status in (self.Status.DONE, self.Status.FAILED)


class ArticleEvent(models.Model):
    """One change of an article's processing state: who or what, when, from, to, why."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16)
    # The system's events, most of them, name no actor and are left out of its index.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, db_index=False
    )
    note = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [
            models.Index(
                fields=["actor"], condition=Q(actor__isnull=False), name="article_event_actor"
            )
        ]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.from_status or '-'} -> {self.to_status}"


class Outlet(models.Model):
    """A publication, under the name its articles give: where it is and what money it writes.

    A "$" in its articles is read in its currency when that is a dollar ("$" in a Canadian
    paper is the Canadian dollar); without a record, the country domain of an article's
    address says the same (".ca").
    """

    name = models.CharField(max_length=200, unique=True, help_text="As articles name it.")
    country = models.CharField(
        max_length=2,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", "Two capital letters (ISO 3166-1), e.g. CA.")],
        help_text="ISO 3166-1 code, e.g. CA.",
    )
    currency = models.CharField(
        max_length=3,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]{3}$", "Three capital letters (ISO 4217), e.g. CAD.")],
        help_text="ISO 4217 code, e.g. CAD; blank for the country's own. Read anew when an "
        "article is extracted again.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ImportBatch(models.Model):
    """A bulk import an editor started in the browser; the worker stores its files one by one
    and records each file's result here, which the import page follows."""

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting for the worker"
        RUNNING = "running", "Importing"
        DONE = "done", "Done"

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    # The files as picked ({name: base64}), until the worker has read them; then emptied.
    files = models.JSONField(default=dict)
    file_count = models.PositiveIntegerField()
    done = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.WAITING)
    # One entry per file: {"file", "outcome" (stored/duplicate/refused), "detail", "article"}.
    results = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["waiting", "running", "done"]),
                name="import_batch_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"import {self.pk} ({self.done}/{self.file_count})"

    def get_absolute_url(self) -> str:
        return reverse("articles:import", args=[self.pk])

from __future__ import annotations

from django.db import models
from django.db.models import Q

from .extraction.types import Kind, Qualifier


class Claim(models.Model):
    """One figure as an article states it, proposed by the extractor."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        CONFIRMED = "confirmed", "Confirmed"
        DISPUTED = "disputed", "Disputed"
        REJECTED = "rejected", "Rejected"

    # The extractor's enums, as Django choices: member name -> (value, label).
    Kind = models.TextChoices("Kind", {k.name: (k.value, k.value.title()) for k in Kind})
    Qualifier = models.TextChoices(
        "Qualifier", {q.name: (q.value, q.value.replace("_", " ")) for q in Qualifier}
    )

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="claims")
    # Python string offsets into article.body: body[start:end] == text.
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(max_length=300)
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    kind = models.CharField(max_length=16, choices=Kind.choices, db_index=True)
    # Numeric kinds: the value in `unit`; a range keeps its upper end in number_high.
    number = models.DecimalField(max_digits=40, decimal_places=10, null=True, blank=True)
    number_high = models.DecimalField(max_digits=40, decimal_places=10, null=True, blank=True)
    # Dates: ISO date at the precision the text gives: 2024-02-21, 2024-02 or 2024.
    date = models.CharField(max_length=10, blank=True)
    unit = models.CharField(max_length=40, blank=True)
    qualifier = models.CharField(max_length=16, choices=Qualifier.choices, default="exact")
    subject = models.CharField(max_length=300)
    # The figure this one restates in another currency or unit, in the same sentence.
    converts = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="conversions"
    )
    extractor = models.CharField(max_length=40)
    extractor_version = models.CharField(max_length=20)
    confidence = models.FloatField(default=1.0)
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.PROPOSED, db_index=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article_id", "start"]
        constraints = [
            models.UniqueConstraint(fields=["article", "start", "end"], name="claim_unique_span"),
            models.CheckConstraint(
                condition=Q(status__in=["proposed", "confirmed", "disputed", "rejected"]),
                name="claim_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="claim_span_nonempty"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.text} ({self.kind})"

    @property
    def display_value(self) -> str:
        """The value for people: thousands separated, a range with a dash."""
        if self.kind == Kind.DATE or self.number is None:
            return self.value
        low = f"{self.number.normalize():,f}"
        if self.number_high is None:
            return low
        return f"{low}–{self.number_high.normalize():,f}"

    @property
    def value(self) -> str:
        """The normalised value as one string: a number, a range or an ISO date."""
        if self.kind == Kind.DATE:
            return self.date
        if self.number is None:
            return ""
        low = format(self.number.normalize(), "f")
        if self.number_high is None:
            return low
        return f"{low}–{format(self.number_high.normalize(), 'f')}"

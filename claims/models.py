"""What claims and facts are: the extracted claims, the facts they are grouped into, the
events that record every change to either, primary sources and reviewers' exchange rates.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q

from .extraction.types import Kind, Qualifier, decimal_text, value_for_people


def _linked(field: str, name: str) -> models.Index:
    """An index of the rows a nullable link is set on: what deleting the row it points at
    looks up (on_delete), without an entry for each row that links nothing."""
    return models.Index(fields=[field], condition=Q(**{f"{field}__isnull": False}), name=name)


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

    # Indexed by claim_unique_span, which leads with it.
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="claims", db_index=False
    )
    # Python string offsets into article.body: body[start:end] == text.
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(max_length=300)
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    kind = models.CharField(max_length=16, choices=Kind.choices)
    # Numeric kinds: the value in `unit`; a range keeps its upper end in number_high.
    number = models.DecimalField(max_digits=40, decimal_places=10, null=True, blank=True)
    number_high = models.DecimalField(max_digits=40, decimal_places=10, null=True, blank=True)
    # Dates: ISO date at the precision the text gives: 2024-02-21, 2024-02 or 2024.
    date = models.CharField(max_length=10, blank=True)
    unit = models.CharField(max_length=40, blank=True)
    qualifier = models.CharField(max_length=16, choices=Qualifier.choices, default="exact")
    # The readable subject line ("Reddit share price at first-day close") and the parts it is
    # built from (claims.about); subject_key is equal for mentions stating one fact.
    subject = models.CharField(max_length=300)
    subject_entity = models.CharField(max_length=120, blank=True)
    subject_measure = models.CharField(max_length=60, blank=True)
    subject_reference = models.CharField(max_length=60, blank=True)
    subject_scope = models.CharField(max_length=40, blank=True)
    subject_key = models.CharField(max_length=300, blank=True)
    # The subject as grouping compares it (claims.about.subject_terms): the entity as the
    # sentence writes it and the measure's canonical name, so rewording the line readers see
    # never regroups facts. Empty on claims read before it existed: `subject` stands in.
    subject_terms = models.CharField(max_length=300, blank=True)
    # The key of a place the figure is counted in other than its entity ("britain" for "4,200
    # of them in Britain"), so two places' figures are not taken for one disputed fact.
    subject_place = models.CharField(max_length=60, blank=True)
    # A dateline, or a weekday restating the publication day: a fact about no story.
    incidental = models.BooleanField(default=False)
    # The figure this one restates in another currency or unit, in the same sentence.
    converts = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="conversions",
        db_index=False,
    )
    # The fact this mention states, across articles; set by claims.facts (matching or a reviewer).
    fact = models.ForeignKey(
        "claims.Fact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claims",
        db_index=True,
    )
    extractor = models.CharField(max_length=40)
    extractor_version = models.CharField(max_length=20)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PROPOSED)
    # Incremented by every review change (claims.review): a form carries the version it showed,
    # so the second of two reviewers acting at once is told the claim changed meanwhile.
    version = models.PositiveIntegerField(default=0)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_claims",
        db_index=False,
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    # A reviewer's correction, next to (never over) what the extractor read.
    corrected_number = models.DecimalField(max_digits=40, decimal_places=10, null=True, blank=True)
    corrected_unit = models.CharField(max_length=40, blank=True)
    corrected_date = models.CharField(max_length=10, blank=True)
    correction_note = models.TextField(blank=True)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="corrected_claims",
        db_index=False,
    )
    corrected_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article_id", "start"]
        # Every article inserts a dozen claims: each index is written for each of them. The
        # links most claims leave empty, and the statuses they start in, are left out of
        # theirs (a claim still proposed is found by its article or its fact).
        indexes = [
            models.Index(
                fields=["status"], condition=~Q(status="proposed"), name="claim_reviewed_status"
            ),
            _linked("converts", "claim_converts"),
            _linked("reviewed_by", "claim_reviewed_by"),
            _linked("corrected_by", "claim_corrected_by"),
        ]
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
        return value_for_people(
            number=self.number, number_high=self.number_high, unit="", date="", qualifier=""
        )

    @property
    def value(self) -> str:
        """The normalised value as one string: a number, a range or an ISO date."""
        if self.kind == Kind.DATE:
            return self.date
        if self.number is None:
            return ""
        low = decimal_text(self.number)
        if self.number_high is None:
            return low
        return f"{low}–{decimal_text(self.number_high)}"

    @property
    def is_corrected(self) -> bool:
        return self.corrected_at is not None

    @property
    def corrected_value(self) -> str:
        """The reviewer's correction as one string, or "" when there is none."""
        if not self.is_corrected:
            return ""
        return value_for_people(
            number=self.corrected_number,
            number_high=None,
            unit=self.corrected_unit,
            date=self.corrected_date,
            qualifier="",
        )


# The review queue's first key: open work (open or verified) before published work, and
# within each, disputed facts first. An expression index on it (Fact.Meta) lets the queue
# read its first page in order instead of sorting every fact.
QUEUE_RANK = models.Case(
    models.When(Q(status__in=("open", "verified")) & Q(agreement="disputed"), then=models.Value(0)),
    models.When(Q(status__in=("open", "verified")), then=models.Value(1)),
    models.When(Q(agreement="disputed"), then=models.Value(2)),
    default=models.Value(3),
    output_field=models.IntegerField(),
)


class Fact(models.Model):
    """One fact as several articles may state it: its mentions are the claims pointing here.

    The grouping, agreement, explanation and counts are computed by claims.facts from the
    member claims; the editorial status (open, verified, published, retracted), the verified
    value and the assignment are written by claims.review; the public record by
    claims.public.records.
    """

    class Agreement(models.TextChoices):
        SINGLE = "single", "Single mention"
        CONSISTENT = "consistent", "Consistent"
        DISPUTED = "disputed", "Disputed"
        INCOMPARABLE = "incomparable", "Incomparable"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        VERIFIED = "verified", "Verified"
        PUBLISHED = "published", "Published"
        RETRACTED = "retracted", "Retracted"

    # The subject line readers see ("Reddit share price at first-day close"): the grouping's
    # until a reviewer rewrites it; from then on the machine leaves it alone.
    subject = models.CharField(max_length=300)
    # The story its mentions come from: matching, its order and its locks stay within it.
    story = models.ForeignKey(
        "articles.Story", null=True, blank=True, on_delete=models.SET_NULL, related_name="facts"
    )
    subject_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    subject_edited_at = models.DateTimeField(null=True, blank=True)
    kind = models.CharField(max_length=16, choices=Claim.Kind.choices)
    # What member values are comparable in: "money" (any currency), "percent", "percentage
    # points", "date", "duration", a physical dimension ("length") or a unit word ("tokens").
    dimension = models.CharField(max_length=60)
    agreement = models.CharField(max_length=16, choices=Agreement.choices, default=Agreement.SINGLE)
    # One line per finding, for a reviewer to read at a glance.
    explanation = models.TextField(blank=True)
    # Denormalised (rejected claims left out) so the review queue orders without a join.
    claim_count = models.PositiveIntegerField(default=0)
    article_count = models.PositiveIntegerField(default=0)
    # The matching profile: summed term weights of the members (see claims.matching).
    terms = models.JSONField(default=dict, blank=True)
    # Editorial state: written by claims.review only, with a FactEvent for every change.
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    # Incremented by every editorial change; see Claim.version.
    version = models.PositiveIntegerField(default=0)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_facts",
        db_index=False,
    )
    # The value a reviewer verified, usually taken from a confirmed claim.
    verified_claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )
    verified_number = models.DecimalField(max_digits=40, decimal_places=10, null=True, blank=True)
    verified_number_high = models.DecimalField(
        max_digits=40, decimal_places=10, null=True, blank=True
    )
    verified_unit = models.CharField(max_length=40, blank=True)
    verified_date = models.CharField(max_length=10, blank=True)
    verified_qualifier = models.CharField(
        max_length=16, choices=Claim.Qualifier.choices, blank=True
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="verified_facts",
        db_index=False,
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="published_facts",
        db_index=False,
    )
    published_at = models.DateTimeField(null=True, blank=True)
    # What the API serves for a published or retracted fact, as JSON text; empty otherwise.
    # Written by claims.public.records with every change readers could see, read as it is.
    public_record = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-article_count", "-claim_count", "-id"]
        permissions = [
            ("verify_fact", "Can verify a fact"),
            ("publish_fact", "Can publish or retract a fact"),
        ]
        # Grouping rewrites the counts, agreement and summary of every fact an article joins:
        # the count is in the queue's order, so each write adds an entry to every index whose
        # row it enters. The links and editorial statuses most facts leave empty or open are
        # left out of their indexes; the agreement is filtered along the queue's order.
        indexes = [
            # The admin queue's order: open work first, disputed first, most sources, newest.
            models.Index(
                QUEUE_RANK,
                models.F("article_count").desc(),
                models.F("id").desc(),
                name="fact_queue_order",
            ),
            # The API's list: published facts in either order of either date, read a page at a
            # time by keyset, the id breaking ties (claims.public.queries.page_of_records).
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(status="published"),
                name="fact_list_by_published",
            ),
            models.Index(
                fields=["-verified_at", "-id"],
                condition=Q(status="published"),
                name="fact_list_by_verified",
            ),
            models.Index(fields=["status"], condition=~Q(status="open"), name="fact_worked_status"),
            _linked("assigned_to", "fact_assigned_to"),
            _linked("verified_claim", "fact_verified_claim"),
            _linked("verified_by", "fact_verified_by"),
            _linked("published_by", "fact_published_by"),
            _linked("subject_edited_by", "fact_subject_edited_by"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(agreement__in=["single", "consistent", "disputed", "incomparable"]),
                name="fact_agreement_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["open", "verified", "published", "retracted"]),
                name="fact_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} ({self.dimension})"

    @property
    def verified_value(self) -> str:
        """The verified value for people: "about 15,000,000 EUR", "2024-02-26", or ""."""
        return value_for_people(
            number=self.verified_number,
            number_high=self.verified_number_high,
            unit=self.verified_unit,
            date=self.verified_date,
            qualifier=self.verified_qualifier,
        )


class FactKey(models.Model):
    """A candidate-search key of a fact ("money|mistral"): matching looks facts up by these."""

    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="keys")
    key = models.CharField(max_length=120)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["fact", "key"], name="fact_key_unique"),
        ]
        indexes = [
            # Candidate search reads the newest facts of one key: (key, fact) backwards.
            models.Index(fields=["key", "fact"], name="fact_key_lookup"),
        ]

    def __str__(self) -> str:
        return self.key


class AuditEvent(models.Model):
    """What every audit row records: who (None: the system), when, why, values before and after."""

    # Indexed by each model where it is set (_linked): the system's events, most of them, are
    # left out.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, db_index=False
    )
    note = models.TextField(blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class FactEvent(AuditEvent):
    """One change of a fact's grouping or agreement; rows are only ever added.

    The fact link is nulled, not cascaded, when a fact is deleted (emptied by a merge or a
    re-extraction), so the history outlives it; before/after name the fact ids involved.
    """

    class Action(models.TextChoices):
        CREATED = "created", "Created"
        CLAIM_ADDED = "claim_added", "Claim added"
        CLAIM_REMOVED = "claim_removed", "Claim removed"
        MERGED = "merged", "Merged"
        CLAIM_MOVED = "claim_moved", "Claim moved"
        SPLIT = "split", "Split"
        AGREEMENT_CHANGED = "agreement_changed", "Agreement changed"
        # Editorial changes, written by claims.review.
        VERIFIED = "verified", "Verified"
        PUBLISHED = "published", "Published"
        RETRACTED = "retracted", "Retracted"
        REOPENED = "reopened", "Reopened"
        ASSIGNED = "assigned", "Assigned"
        SOURCE_ATTACHED = "source_attached", "Primary source attached"
        SUBJECT_EDITED = "subject_edited", "Subject rewritten"
        UNDONE = "undone", "Regrouping undone"

    fact = models.ForeignKey(
        Fact, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    # Editorial status before and after; blank for grouping changes.
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16, blank=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [_linked("actor", "fact_event_actor")]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    action__in=[
                        "created",
                        "claim_added",
                        "claim_removed",
                        "merged",
                        "claim_moved",
                        "split",
                        "agreement_changed",
                        "verified",
                        "published",
                        "retracted",
                        "reopened",
                        "assigned",
                        "source_attached",
                        "subject_edited",
                        "undone",
                    ]
                ),
                name="fact_event_action_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.fact_id}: {self.action}"


class ClaimEvent(AuditEvent):
    """One review change of a claim (a transition or a correction); rows are only ever added.

    The claim link is nulled, not cascaded, if the claim is ever deleted; before/after name the
    claim id, so the history outlives it.
    """

    class Action(models.TextChoices):
        CONFIRMED = "confirmed", "Confirmed"
        DISPUTED = "disputed", "Disputed"
        REJECTED = "rejected", "Rejected"
        REOPENED = "reopened", "Reopened"
        CORRECTED = "corrected", "Corrected"

    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    action = models.CharField(max_length=16, choices=Action.choices)
    from_status = models.CharField(max_length=16)
    to_status = models.CharField(max_length=16)

    class Meta:
        ordering = ["at", "id"]
        indexes = [_linked("actor", "claim_event_actor")]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    action__in=["confirmed", "disputed", "rejected", "reopened", "corrected"]
                ),
                name="claim_event_action_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.claim_id}: {self.action}"


class PrimarySource(models.Model):
    """The original document a fact rests on (a filing, a press release), attached by a reviewer."""

    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="primary_sources")
    url = models.URLField(max_length=1000)
    title = models.CharField(max_length=300)
    quote = models.TextField(blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(url__startswith="http://") | Q(url__startswith="https://"),
                name="primary_source_url_http",
            ),
        ]

    def __str__(self) -> str:
        return self.title


_CURRENCY = RegexValidator(r"^[A-Z]{3}$", "An ISO 4217 code in capitals, such as EUR.")


class ExchangeRate(models.Model):
    """A reviewer's exchange rate, used before the ECB reference rates when comparing money."""

    from_currency = models.CharField(max_length=3, validators=[_CURRENCY])
    to_currency = models.CharField(max_length=3, validators=[_CURRENCY])
    # The day the rate applies to; empty: any day.
    on = models.DateField(null=True, blank=True)
    # Units of to_currency for one from_currency.
    rate = models.DecimalField(max_digits=24, decimal_places=10)
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["from_currency", "to_currency", "on"]
        constraints = [
            models.CheckConstraint(condition=Q(rate__gt=0), name="exchange_rate_positive"),
            models.CheckConstraint(
                condition=~Q(from_currency=models.F("to_currency")),
                name="exchange_rate_two_currencies",
            ),
            # NULLs are distinct in a unique index: "any date" needs its own constraint.
            models.UniqueConstraint(
                fields=["from_currency", "to_currency", "on"],
                condition=Q(on__isnull=False),
                name="exchange_rate_unique_per_day",
            ),
            models.UniqueConstraint(
                fields=["from_currency", "to_currency"],
                condition=Q(on__isnull=True),
                name="exchange_rate_unique_any_day",
            ),
        ]

    def __str__(self) -> str:
        return f"1 {self.from_currency} = {self.rate} {self.to_currency} ({self.on or 'any day'})"

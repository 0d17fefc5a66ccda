"""Which story an article belongs to: found from the names, figures and dates articles share.

A story is the unit grouping works in: facts hold mentions of one story, a story's claims are
grouped the same whatever order its articles arrive in, and matching locks one story at a
time, so workers on different stories never wait for each other.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import QuerySet

from claims.about import ArticleContext
from factcheck.rows import update_rows

from .models import Article, Story

logger = logging.getLogger(__name__)

# Any constant: the first half of the advisory locks an article takes on each of its first
# names while it looks for its story (milliseconds; matching then takes its story's lock).
# Two articles that can tell one story share one of those names, so they look in turn;
# articles of other stories never wait for each other.
STORY_NAME_LOCK_KEY = 0x5707
# An article joins a story when the names both name among their first few weigh at least
# this much (a name each side names first weighs 1, one side's first name second on the
# other side 1/2) ...
STORY_WEIGHT = 0.5
# ... the first few being this many ...
FIRST_NAMES = 8
# ... and each distinctive figure (below) it shares with the story's articles adding this
# much to a shared name ...
FIGURE_WEIGHT = 0.25
# ... published within this many days of the story's articles.
STORY_WINDOW = timedelta(days=21)
# Names and figures kept per story.
MAX_STORY_NAMES = 30
MAX_STORY_FIGURES = 200
# Name forms kept per story (with_name_forms): enough for its main entities.
MAX_STORY_NAME_FORMS = 500
# Stories considered per article: the most recent in the window.
CANDIDATE_STORIES = 200
# A figure says which story an article tells when it is no everyday number: a count, an
# amount or a quantity of at least this size ("2,350 jobs", "$4 billion"), not a percent,
# a date or "six".
DISTINCTIVE_FIGURE = Decimal(100)
_FIGURE_KINDS = ("count", "money", "quantity")


def story_names(article: Article, context: ArticleContext | None = None) -> list[str]:
    """The keys of the names the article is about, the one its body leads with first.
    `context`, the article already read (claims.about), saves reading it again."""
    context = context or ArticleContext(article.body, article.title, article.published)
    return list(
        dict.fromkeys(
            [context.lead_name, *context.story_names] if context.lead_name else context.story_names
        )
    )


def assign_story(
    article: Article, figures: Iterable = (), context: ArticleContext | None = None
) -> Story:
    """The article's story: an existing one sharing its main names, or a new one.

    `figures` are the article's extracted figures (anything with `kind` and `number`): one
    the story's articles state too makes a single shared name enough. An outlet that opens
    with a politician and names the place only once still tells the same story when it
    quotes its figures.

    Runs in its own short transaction under the locks of its first names, so two articles
    of a new story arriving at once find each other while articles of other stories go on;
    an article already in a story stays there. The story is recorded in the event ending
    the article's extraction. `context`: as for story_names.
    """
    if article.story_id is not None:
        return article.story
    names = story_names(article, context)
    told = distinctive_figures((f.kind, f.number) for f in figures)
    with transaction.atomic():
        _lock_names(names[:FIRST_NAMES])
        story = _chosen_story(names, article, told)
        if story is None:
            story = Story.objects.create(
                title=article.title[:300] or (names[0] if names else "untitled"),
                **_named(names),
                figures=sorted(told)[:MAX_STORY_FIGURES],
                first_published=article.published,
                last_published=article.published,
            )
            note = f"new story {story.pk}: no story shares its names"
        else:
            _widen(story, names, told, article)
            note = f"joined story {story.pk} ({story.title[:80]})"
        # Conditional: an article a reviewer placed meanwhile stays where it is. The
        # extraction's "done" event names the story (claims.pipeline).
        if not _place(article.pk, story.pk):
            transaction.set_rollback(True)
            story = None
        else:
            logger.info("article %s: %s", article.pk, note)
    if story is None:
        story = Story.objects.get(articles=article.pk)
    article.story = story
    return story


def _chosen_story(names: list[str], article: Article, figures: set[str]) -> Story | None:
    """The best story for the article, read again under its row lock: an article naming
    other names may be widening it, or a merge taking it away (then its articles are in
    the story it joined, which the next look finds)."""
    story = _best_story(names, article, figures)
    while story is not None:
        locked = Story.objects.defer("name_forms").select_for_update().filter(pk=story.pk)
        found = locked.first()
        if found is not None:
            return found
        story = _best_story(names, article, figures)
    return None


def distinctive_figures(values: Iterable[tuple[str, Decimal | None]]) -> set[str]:
    """The (kind, number) values that can tell a story: "count|15000", "money|5E+7"."""
    return {
        f"{kind}|{Decimal(number).normalize()}"
        for kind, number in values
        if kind in _FIGURE_KINDS and number is not None and abs(number) >= DISTINCTIVE_FIGURE
    }


def _best_story(
    names: list[str], article: Article, figures: set[str] = frozenset()
) -> Story | None:
    # Of the candidates only the chosen one's name forms are read (claims.pipeline).
    stories = Story.objects.defer("name_forms").order_by("-id")
    if not names:
        # An article naming nobody joins the latest story that names nobody either.
        return stories.filter(names=[]).first()
    if article.published is None:
        candidates = _LATEST_STORIES.run(naming=names[:FIRST_NAMES])
    else:
        candidates = _LATEST_STORIES_NEAR.run(
            first=article.published - STORY_WINDOW,
            last=article.published + STORY_WINDOW,
            naming=names[:FIRST_NAMES],
        )
    return best_fit(names, figures, candidates)


def best_fit(names: list[str], figures: set[str], candidates: list[Story]) -> Story | None:
    """The candidate story the names (the leading one first) and figures fit best, if any."""
    spread = _spread(candidates)
    best, best_score = None, 0.0
    for story in candidates:
        score = _fit(names, figures, story, spread)
        if score is None:
            continue
        if score > best_score or (score == best_score and best and story.pk < best.pk):
            best, best_score = story, score
    return best


def _near(stories, first, last):
    return stories.exclude(last_published__lt=first - STORY_WINDOW).exclude(
        first_published__gt=last + STORY_WINDOW
    )


class _Compiled:
    """A query of stories run for every article, its SQL compiled by Django once (compiling
    the queryset cost more than the database's work: two milliseconds an article) and run
    with each call's values. `build` makes the queryset from stand-in values, found again in
    the compiled parameters and replaced by the call's."""

    _STAND_INS = {
        "story": -7_070_707,
        "first": date(1901, 2, 3),
        "last": date(1902, 3, 4),
    }

    def __init__(self, build) -> None:
        self.build = build
        self._compiled: tuple[str, str, list, dict[int, str]] | None = None
        self._order = "ASC"  # of the stories by id, as the queryset orders them

    def _compile(self) -> tuple[str, str, list, dict[int, str]]:
        # Per connection vendor: tests may switch databases within one process.
        if self._compiled is None or self._compiled[0] != connection.vendor:
            ops = connection.ops
            adapted = {
                name: ops.adapt_datefield_value(value) if isinstance(value, date) else value
                for name, value in self._STAND_INS.items()
            }
            query = self.build(**self._STAND_INS).query
            sql, params = query.sql_with_params()
            self._order = "DESC" if query.order_by == ("-id",) else "ASC"
            slots = {
                index: name
                for index, param in enumerate(params)
                for name, value in adapted.items()
                if type(param) is type(value) and param == value
            }
            if len(slots) != len(set(slots.values())):
                raise ValueError(f"stand-in values found more than once in {sql}")
            self._compiled = (connection.vendor, sql, list(params), slots)
        return self._compiled

    def run(self, *, naming: list[str] | None = None, **values) -> list[Story]:
        """The stories, in the query's order. `naming`: on PostgreSQL only those of them
        naming one of these names, chosen by the database; the others would fit no article
        or story naming only these, and reading each one's names and figures costs more
        than the database's check (other databases return them all)."""
        _, sql, params, slots = self._compile()
        if set(values) != set(slots.values()):
            raise ValueError(f"{sorted(values)} are not the values of {sql}")
        ops = connection.ops
        params = list(params)
        for index, name in slots.items():
            value = values[name]
            params[index] = ops.adapt_datefield_value(value) if isinstance(value, date) else value
        if naming is not None and connection.vendor == "postgresql":
            # The query's stories first (its order and limit), then those naming one.
            names = connection.ops.quote_name(Story._meta.get_field("names").column)
            sql = (
                f"SELECT * FROM ({sql}) AS candidates WHERE candidates.{names} ?| %s"
                f" ORDER BY candidates.id {self._order}"
            )
            params.append(list(naming))
        return list(Story.objects.raw(sql, params))


def _latest(**_) -> QuerySet:
    return Story.objects.defer("name_forms").order_by("-id")[:CANDIDATE_STORIES]


def _latest_near(*, first: date, last: date, **_) -> QuerySet:
    stories = Story.objects.defer("name_forms").order_by("-id")
    stories = stories.exclude(last_published__lt=first).exclude(first_published__gt=last)
    return stories[:CANDIDATE_STORIES]


def _others(*, story: int, **_) -> QuerySet:
    return (
        Story.objects.defer("name_forms")
        .exclude(pk=story)
        .exclude(names=[])
        .exclude(placed_by_reviewer=True)
        .order_by("id")
    )[:CANDIDATE_STORIES]


def _others_near(*, story: int, first: date, last: date) -> QuerySet:
    others = (
        Story.objects.defer("name_forms")
        .exclude(pk=story)
        .exclude(names=[])
        .exclude(placed_by_reviewer=True)
        .order_by("id")
    )
    others = others.exclude(last_published__lt=first).exclude(first_published__gt=last)
    return others[:CANDIDATE_STORIES]


# The stories an article may join (_best_story), the latest first, and those a story may
# be one with (related_stories), each within the window of the dates given or not.
_LATEST_STORIES = _Compiled(_latest)
_LATEST_STORIES_NEAR = _Compiled(_latest_near)
_OTHER_STORIES = _Compiled(_others)
_OTHER_STORIES_NEAR = _Compiled(_others_near)


def _fit(
    names: list[str], figures: set[str], story: Story, spread: dict[str, int] | None = None
) -> float | None:
    """How well names (the leading one first) and figures fit a story; None when they do
    not belong to it. `spread`: how many of the stories looked at carry each name."""
    # Each name both sides name among their first weighs by how early both name it: a
    # name each leads with weighs 1, one side's leading name second on the other 1/2, and
    # names both mention in passing nothing. The same either way round, so the story found
    # does not depend on which article came first.
    shared = set(names[:FIRST_NAMES]) & set(story.names[:FIRST_NAMES])
    weight = sum(1.0 / (1 + names.index(name) + story.names.index(name)) for name in shared)
    # A figure both state adds to a shared name (a politician's speech naming the town once
    # and quoting the story's figures), not to no name at all.
    shared_figures = figures & set(story.figures)
    if not shared or weight + FIGURE_WEIGHT * len(shared_figures) < STORY_WEIGHT:
        return None
    # Between stories that fit, a name few of them carry tells more.
    spread = spread or {}
    weight = sum(
        1.0 / ((1 + names.index(name) + story.names.index(name)) * spread.get(name, 1))
        for name in shared
    )
    return weight + FIGURE_WEIGHT * len(shared_figures)


def _spread(stories: list[Story]) -> dict[str, int]:
    """How many of the stories carry each name."""
    spread: dict[str, int] = {}
    for story in stories:
        for name in set(story.names):
            spread[name] = spread.get(name, 0) + 1
    return spread


def related_stories(story: Story) -> list[Story]:
    """The other stories in `story`'s window that would join it now, read as one article
    (their names and figures): an article that fits two stories shows they are one, and
    the stories found must not depend on which article came first."""
    if story.placed_by_reviewer:
        return []
    if not story.names:
        return []
    if story.first_published is not None and story.last_published is not None:
        others = _OTHER_STORIES_NEAR.run(
            story=story.pk,
            first=story.first_published - STORY_WINDOW,
            last=story.last_published + STORY_WINDOW,
            naming=story.names[:FIRST_NAMES],
        )
    else:
        others = _OTHER_STORIES.run(story=story.pk, naming=story.names[:FIRST_NAMES])
    return related_among(story, others)


def related_among(story: Story, others: list[Story]) -> list[Story]:
    """Those of `others` that would join `story`, each read as one article, on more than one
    shared name or figure: an article naming only a place that fits two stories alike joins
    one, and does not make the two one story (a story naming one name only, such an
    article's, joins on it)."""
    return [
        other
        for other in others
        if _fit(other.names, set(other.figures), story) is not None
        and (_evidence(other, story) > 1 or min(len(other.names), len(story.names)) == 1)
    ]


def _evidence(story: Story, other: Story) -> int:
    """How many of their first names and figures two stories share."""
    first = set(story.names[:FIRST_NAMES]) & set(other.names[:FIRST_NAMES])
    return len(first) + len(set(story.figures) & set(other.figures))


def absorb(story: Story, other: Story) -> None:
    """Widen `story` with the names, figures and dates of `other`, whose articles have moved
    into it, and delete `other` once nothing is left in it."""
    before = _widened(story)
    weights = _weights(story)
    for name, weight in _weights(other).items():
        weights[name] = weights.get(name, 0.0) + weight
    _set_names(story, _named([], weights))
    story.figures = _more_figures(story.figures, other.figures)
    dates = [d for d in (story.first_published, other.first_published) if d is not None]
    story.first_published = min(dates, default=None)
    dates = [d for d in (story.last_published, other.last_published) if d is not None]
    story.last_published = max(dates, default=None)
    forms = with_name_forms(story.name_forms, other.name_forms.items())
    if _widened(story) != before or forms != story.name_forms:
        story.name_forms = forms
        story.save(update_fields=[*_WIDENED, "name_forms"])
    # Under its row lock: an article placed in `other` meanwhile (assign_story chose it
    # before its articles moved) keeps it, and none is placed in it once it is gone.
    list(Story.objects.select_for_update().filter(pk=other.pk).values_list("pk"))
    if not other.articles.exists() and not other.facts.exists():
        other.delete()


_WIDENED = ["names", "name_weights", "figures", "first_published", "last_published"]


def _widened(story: Story) -> tuple:
    return (
        list(story.names),
        dict(story.name_weights),
        list(story.figures),
        story.first_published,
        story.last_published,
    )


def _set_names(story: Story, named: dict) -> None:
    story.names, story.name_weights = named["names"], named["name_weights"]


def with_name_forms(forms: dict[str, str], written: Iterable[tuple[str, str]]) -> dict[str, str]:
    """A story's name forms (each name its articles' claims write, with its entity key) once
    `written` (name, claim key or entity key) are added. A name written with two keys keeps
    the one whose claim key sorts first, and the bound keeps the names sorting first: the
    forms do not depend on the order articles came in."""
    merged = dict(forms)
    for name, key in written:
        entity = key.split("|")[0]
        # Compared as the claim keys they come from ("orrel|revenue|..."): "orrel united|"
        # sorts before "orrel|".
        if name and entity and (name not in merged or entity + "|" < merged[name] + "|"):
            merged[name] = entity
    return {name: merged[name] for name in sorted(merged)[:MAX_STORY_NAME_FORMS]}


def add_name_forms(story: Story, written: Iterable[tuple[str, str]]) -> None:
    """Add to the story's name forms the (name, claim key) pairs of its article's claims.
    Called under the story's matching lock (claims.facts.lock_stories); `story.name_forms`
    may have been read before it, so the row is written only if it still holds those."""
    written = list(written)
    forms = with_name_forms(story.name_forms, written)
    if forms == story.name_forms:
        return  # forms only ever grow: nothing new on the row either
    if not Story.objects.filter(pk=story.pk, name_forms=story.name_forms).update(name_forms=forms):
        # Another article of the story added forms since they were read: add to those.
        story.refresh_from_db(fields=["name_forms"])
        forms = with_name_forms(story.name_forms, written)
        Story.objects.filter(pk=story.pk).update(name_forms=forms)
    story.name_forms = forms


def _more_figures(kept: list[str], more: Iterable[str]) -> list[str]:
    """The story's figures and new ones after them, up to the bound (new ones sorted, so the
    list does not depend on the order a set gives them)."""
    return [*kept, *sorted(set(more) - set(kept))][:MAX_STORY_FIGURES]


def _named(names: list[str], weights: dict[str, float] | None = None) -> dict:
    """A story's names and their weights, once more `names` (an article's, the leading one
    first) are added to the `weights` it had."""
    weights = dict(weights or {})
    for rank, name in enumerate(names):
        weights[name] = weights.get(name, 0.0) + 1.0 / (1 + rank)
    kept = sorted(weights, key=lambda name: (-weights[name], name))[:MAX_STORY_NAMES]
    return {"names": kept, "name_weights": {name: weights[name] for name in kept}}


def _weights(story: Story) -> dict[str, float]:
    """The story's name weights (read from the order of its names when it has none yet)."""
    return story.name_weights or {name: 1.0 / (1 + r) for r, name in enumerate(story.names)}


def _widen(story: Story, names: list[str], figures: set[str], article: Article) -> None:
    before = _widened(story)
    _set_names(story, _named(names, _weights(story)))
    story.figures = _more_figures(story.figures, figures)
    if article.published is not None:
        if story.first_published is None or article.published < story.first_published:
            story.first_published = article.published
        if story.last_published is None or article.published > story.last_published:
            story.last_published = article.published
    if _widened(story) != before:
        # Run for most articles: update_rows costs less than save() (no signal listens).
        update_rows([story], _WIDENED)


def _place(article_id: int, story_id: int) -> bool:
    """Article.objects.filter(pk=article_id, story=None).update(story=story_id), written as
    SQL (building the queryset cost more than the database's work): whether it was placed."""
    quote, meta = connection.ops.quote_name, Article._meta
    story, pk = quote(meta.get_field("story").column), quote(meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {quote(meta.db_table)} SET {story} = %s WHERE {pk} = %s AND {story} IS NULL",
            [story_id, article_id],
        )
        return cursor.rowcount > 0


def new_story_for(article: Article) -> Story:
    """A story of its own for the article (a reviewer splitting it off)."""
    told = distinctive_figures(article.claims.values_list("kind", "number"))
    return Story.objects.create(
        title=article.title[:300],
        **_named(story_names(article)),
        figures=sorted(told)[:MAX_STORY_FIGURES],
        first_published=article.published,
        last_published=article.published,
    )


def _lock_names(names: Iterable[str]) -> None:
    """Hold, until the transaction ends, the story-finding lock of each name (of the
    articles naming nobody when there are none), in one order so that two articles never
    wait for each other's."""
    if connection.vendor != "postgresql":
        return  # SQLite lets one transaction write at a time
    keys = sorted({name_lock(name) for name in names}) or [name_lock("")]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(%s, key) FROM unnest(%s::int[]) AS key",
            [STORY_NAME_LOCK_KEY, keys],
        )


def name_lock(name: str) -> int:
    """The second half of a name's story-finding lock: any int4 the name always gives (two
    names giving one only ever make their articles look in turn)."""
    return zlib.crc32(name.encode()) - 2**31

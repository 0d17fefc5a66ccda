from django.db import migrations, models


# As articles.stories.with_name_forms when this was written.
MAX_STORY_NAME_FORMS = 500


def with_name_forms(forms, written):
    merged = dict(forms)
    for name, key in written:
        entity = key.split("|")[0]
        if name and entity and (name not in merged or entity + "|" < merged[name] + "|"):
            merged[name] = entity
    return {name: merged[name] for name in sorted(merged)[:MAX_STORY_NAME_FORMS]}


def fill_name_forms(apps, schema_editor):
    """The name forms of the stories stored before: from their claims."""
    Story = apps.get_model("articles", "Story")
    Claim = apps.get_model("claims", "Claim")
    written: dict[int, list[tuple[str, str]]] = {}
    rows = (
        Claim.objects.exclude(article__story=None)
        .exclude(subject_entity="")
        .values_list("article__story_id", "subject_entity", "subject_key")
        .distinct()
    )
    for story_id, name, key in rows.iterator():
        written.setdefault(story_id, []).append((name, key))
    for story_id, forms in written.items():
        Story.objects.filter(pk=story_id).update(name_forms=with_name_forms({}, forms))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_story_name_weights"),
        ("claims", "0013_claim_subject_place"),
    ]

    operations = [
        migrations.AddField(
            model_name="story",
            name="name_forms",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(fill_name_forms, migrations.RunPython.noop),
    ]

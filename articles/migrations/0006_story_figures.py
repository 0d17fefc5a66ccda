from decimal import Decimal

from django.db import migrations, models

# As articles.stories.distinctive_figures and MAX_STORY_FIGURES when this was written.
KINDS = ("count", "money", "quantity")
SMALLEST = Decimal(100)
MOST = 200


def fill_figures(apps, schema_editor):
    Story = apps.get_model("articles", "Story")
    Claim = apps.get_model("claims", "Claim")
    for story in Story.objects.all().iterator():
        rows = Claim.objects.filter(article__story=story, kind__in=KINDS).values_list(
            "kind", "number"
        )
        told = {
            f"{kind}|{Decimal(number).normalize()}"
            for kind, number in rows
            if number is not None and abs(number) >= SMALLEST
        }
        if told:
            story.figures = sorted(told)[:MOST]
            story.save(update_fields=["figures"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_stories"),
        ("claims", "0013_claim_subject_place"),
    ]

    operations = [
        migrations.AddField(
            model_name="story",
            name="figures",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name="story",
            name="placed_by_reviewer",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(fill_figures, migrations.RunPython.noop),
    ]

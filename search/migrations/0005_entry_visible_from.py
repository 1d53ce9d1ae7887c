"""Each entry holds when readers may see its article, so that a search needs no join to check it."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_visibility(apps, schema_editor):
    """Fill ``visible_from`` as ``articles.models.visible_from`` gives it: the publication moment of a
    published article, nothing for the others."""
    SearchEntry = apps.get_model("search", "SearchEntry")
    Article = apps.get_model("articles", "Article")
    published = Article.objects.filter(pk=OuterRef("article_id"), status="published")
    SearchEntry.objects.filter(article__isnull=False).update(
        visible_from=Subquery(published.values("published_at")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0013_programme_parts_share_a_base"),
        ("search", "0004_newest_first_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="visible_from",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(copy_visibility, migrations.RunPython.noop),
    ]

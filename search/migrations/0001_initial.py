import django.db.models.deletion
from django.db import migrations, models

SEARCH_MODELS = ["searchentry", "searchterm"]


def content_types_follow(old_label, new_label):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        moving = ContentType.objects.using(schema_editor.connection.alias).filter(
            app_label=old_label, model__in=SEARCH_MODELS
        )
        if not ContentType.objects.filter(app_label=new_label, model__in=SEARCH_MODELS).exists():
            moving.update(app_label=new_label)

    return move


class Migration(migrations.Migration):
    """The search index, moved here from the project package: the same tables (``db_table``), so an
    upgrade keeps every entry; only Django's idea of which app owns them changes."""

    initial = True

    dependencies = [
        ("articles", "0007_article_updated_index"),
        ("people", "0002_editorial_images"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("ezine", "0002_search_moves_to_its_own_app"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='SearchTerm',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('word', models.CharField(max_length=40, unique=True)),
                        ('term', models.CharField(max_length=40)),
                        ('reversed_term', models.CharField(max_length=40)),
                    ],
                    options={
                        'db_table': 'ezine_searchterm',
                        'verbose_name': 'search term',
                        'verbose_name_plural': 'search terms',
                        'indexes': [models.Index(fields=['word'], name='searchterm_word_prefix_idx', opclasses=['varchar_pattern_ops']), models.Index(fields=['term'], name='searchterm_term_idx', opclasses=['varchar_pattern_ops']), models.Index(fields=['reversed_term'], name='searchterm_reversed_idx', opclasses=['varchar_pattern_ops'])],
                    },
                ),
                migrations.CreateModel(
                    name='SearchEntry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(max_length=16, verbose_name='kind')),
                        ('date', models.DateTimeField(blank=True, null=True, verbose_name='date')),
                        ('title_terms', models.TextField(blank=True)),
                        ('lead_terms', models.TextField(blank=True)),
                        ('keyword_terms', models.TextField(blank=True)),
                        ('body_terms', models.TextField(blank=True)),
                        ('article', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='articles.article')),
                        ('city_deal', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='people.citydeal')),
                        ('organisation', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='people.organisation')),
                        ('partnership', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='people.partnership')),
                        ('person', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='people.person')),
                    ],
                    options={
                        'db_table': 'ezine_searchentry',
                        'verbose_name': 'search index entry',
                        'verbose_name_plural': 'search index entries',
                        'indexes': [models.Index(fields=['kind', 'date'], name='searchentry_kind_idx')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_follow("ezine", "search"), content_types_follow("search", "ezine")),
    ]

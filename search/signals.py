"""Keep the index up to date, so that editors never have to think about it.

Saving an object reindexes it; renaming a person, organisation, partnership, City Deal or tag also
reindexes what carries that name. Deleting an object removes its entry by cascade; the articles that
named a deleted person or organisation are reindexed. Changes of tags, people and organisations on
an article (either side of the relation) reindex the article.

Reindexing happens when the transaction commits, once per object: an admin save (the object, then
its tags and relations) costs one reindex, and nothing is indexed that is rolled back. Outside a
transaction it happens at once.
"""

from collections import defaultdict

from django.db import connections
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from taggit.models import Tag, TaggedItem

from articles.models import Article
from core.transactions import on_commit_collect
from people.models import Organisation, Person

from . import analyser, index
from .models import SearchEntry


def schedule(model, pks):
    """Reindex these objects of ``model`` when the current transaction commits."""
    on_commit_collect("search.reindex", ((model, pk) for pk in pks), flush, robust=True)


def flush(objects):
    by_model = defaultdict(set)
    for model, pk in objects:
        by_model[model].add(pk)
    for model, pks in by_model.items():
        index.update(model, pks)


def name_changed(source, instance):
    """Return whether the indexed title of ``instance`` differs from its current name."""
    entry = (
        SearchEntry.objects.filter(**{source.field: instance}).values_list("title_terms", flat=True).first()
    )
    return entry != analyser.terms(str(instance))


def articles_naming(instance):
    """Return the pks of the articles whose keywords hold the name of ``instance``."""
    return Article.objects.in_scope(instance).values_list("pk", flat=True)


def object_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw:
        return
    source = index.SOURCES[sender]
    renamed = not created and sender is not Article and name_changed(source, instance)
    schedule(sender, [instance.pk])
    if renamed:
        schedule(Article, articles_naming(instance))
        if sender is Organisation:
            schedule(Person, instance.people.values_list("pk", flat=True))


def remember_dependants(sender, instance, **kwargs):
    """Before a person or organisation goes, note the articles (and people) that name it."""
    instance._search_dependants = [(Article, list(articles_naming(instance)))]
    if sender is Organisation:
        instance._search_dependants.append((Person, list(instance.people.values_list("pk", flat=True))))


def reindex_dependants(sender, instance, **kwargs):
    for model, pks in getattr(instance, "_search_dependants", ()):
        schedule(model, pks)


def tag_saved(sender, instance, created=False, raw=False, **kwargs):
    if not (raw or created):
        remember_tagged(sender, instance)
        reindex_dependants(sender, instance)


def remember_tagged(sender, instance, **kwargs):
    """Note every object that carries tag ``instance``: its articles and its generically tagged objects."""
    dependants = [(Article, list(articles_naming(instance)))]
    by_model = {}
    for item in TaggedItem.objects.filter(tag=instance).select_related("content_type"):
        by_model.setdefault(item.content_type.model_class(), []).append(item.object_id)
    dependants += [(model, pks) for model, pks in by_model.items() if model in index.SOURCES]
    instance._search_dependants = dependants


def relation_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Reindex the article(s) or tagged object whose tags, people or organisations changed."""
    if action == "pre_clear" and reverse:
        instance._search_cleared = list(instance.articles.values_list("pk", flat=True))
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if action != "post_clear" and not pk_set:
        return
    if not reverse:
        if type(instance) in index.SOURCES:
            schedule(type(instance), [instance.pk])
    elif action == "post_clear":
        schedule(Article, getattr(instance, "_search_cleared", []))
    else:
        schedule(Article, pk_set)


def index_existing_content(using="default", verbosity=1, **kwargs):
    """After ``migrate``: build the index of a database whose content predates it (it is empty).

    Nothing to do when a migration back left the index or the content without tables.
    """
    if using != "default":
        return
    tables = set(connections[using].introspection.table_names())
    needed = {SearchEntry._meta.db_table, *(model._meta.db_table for model in index.SOURCES)}
    if not needed <= tables or SearchEntry.objects.exists():
        return
    if any(model._default_manager.exists() for model in index.SOURCES):
        counts = index.rebuild()
        if verbosity:
            print(f"Search index built: {sum(counts.values())} entries.")


def connect():
    for model in index.SOURCES:
        post_save.connect(object_saved, sender=model, dispatch_uid=f"search_saved_{model.__name__}")
    for model in (Person, Organisation):
        pre_delete.connect(
            remember_dependants, sender=model, dispatch_uid=f"search_pre_delete_{model.__name__}"
        )
        post_delete.connect(reindex_dependants, sender=model, dispatch_uid=f"search_deleted_{model.__name__}")
    post_save.connect(tag_saved, sender=Tag, dispatch_uid="search_tag_saved")
    pre_delete.connect(remember_tagged, sender=Tag, dispatch_uid="search_tag_pre_delete")
    post_delete.connect(reindex_dependants, sender=Tag, dispatch_uid="search_tag_deleted")
    for through in (Article.people.through, Article.organisations.through, Article.tags.through, TaggedItem):
        m2m_changed.connect(relation_changed, sender=through, dispatch_uid=f"search_m2m_{through.__name__}")

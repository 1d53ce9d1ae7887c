"""Reverting and recovering one object: what the editor chose, nothing else of its revision.

django-reversion reverts whole revisions: one "publish" action on two articles makes one revision, and
reverting one of them would reset the other. Here a revert restores the chosen object and the rows the
revision holds *for it* (its tag links, through the model's ``follow``), removes the links it got since,
and leaves out what no longer exists (a tag deleted since) instead of failing.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from reversion.revisions import _get_options


def _refers_to(obj, model, pk):
    """Return whether ``obj`` refers to the object ``model``/``pk`` (a link row): by a foreign key, or by a
    generic one (taggit's ``TaggedItem``)."""
    for field in type(obj)._meta.private_fields:
        if isinstance(field, GenericForeignKey):
            content_type = ContentType.objects.get_for_model(model)
            if getattr(obj, f"{field.ct_field}_id") == content_type.pk and str(
                getattr(obj, field.fk_field)
            ) == str(pk):
                return True
    return any(
        field.is_relation
        and field.many_to_one
        and field.related_model is model
        and getattr(obj, field.attname) == pk
        for field in type(obj)._meta.concrete_fields
    )


def _targets_exist(obj):
    """Return whether every object ``obj`` refers to still exists; clear the references that may be empty."""
    for field in type(obj)._meta.concrete_fields:
        if not (field.is_relation and field.many_to_one):
            continue
        value = getattr(obj, field.attname)
        if value is None or field.related_model._default_manager.filter(pk=value).exists():
            continue
        if not field.null:
            return False
        setattr(obj, field.attname, None)
    return True


def _keep_existing_m2m(deserialized):
    """Drop ids of many-to-many relations (tags, people) whose objects were deleted since."""
    model = type(deserialized.object)
    for name, ids in (deserialized.m2m_data or {}).items():
        related = model._meta.get_field(name).remote_field.model
        existing = {
            str(pk) for pk in related._default_manager.filter(pk__in=ids).values_list("pk", flat=True)
        }
        deserialized.m2m_data[name] = [pk for pk in ids if str(pk) in existing]


def _followed_models(model):
    """Return the models of the rows a revision of ``model`` follows (its tag links)."""
    return {model._meta.get_field(name).related_model for name in _get_options(model).follow}


def revert_one(version):
    """Restore the object of ``version`` as it was in that revision, with its own followed rows."""
    model = version._model
    main = version._object_version
    pk = main.object.pk
    followed = _followed_models(model)
    # Only rows of the relations this model follows, and only this object's: another object of the same
    # revision that merely points to it (an article in a partnership) is not part of it.
    links = [
        other
        for other in version.revision.version_set.exclude(pk=version.pk)
        if other._model in followed and _refers_to(other._object_version.object, model, pk)
    ]
    _targets_exist(main.object)
    obj = main.object
    if hasattr(model, "unique_slug") and model._default_manager.filter(slug=obj.slug).exclude(pk=pk).exists():
        obj.slug = model.unique_slug(obj.slug)  # its address was taken since: recover it beside
    _keep_existing_m2m(main)
    main.save(using=version.db)
    restored = main.object
    old = {(link._model, str(link.object_id)) for link in links}
    # First the links made since that revision go (a tag removed and added again has a new row that
    # would clash with the old one), then the revision's own come back.
    for name in _get_options(model).follow:
        related = getattr(restored, name)
        for current in related.all() if hasattr(related, "all") else [related]:
            if (type(current), str(current.pk)) not in old and _refers_to(current, model, pk):
                current.delete()
    for link in links:
        deserialized = link._object_version
        if _targets_exist(deserialized.object):
            _keep_existing_m2m(deserialized)
            deserialized.save(using=link.db)


def held_for(version, model):
    """Return the rows of ``model`` (tag links) that ``version``'s revision holds for its object."""
    pk = version._object_version.object.pk
    return [
        other._object_version.object
        for other in version.revision.version_set.all()
        if other._model is model and _refers_to(other._object_version.object, version._model, pk)
    ]

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from articles.models import Article, Milestone
from people.models import CityDeal, Organisation, Participation, Partnership, Person


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Gemeente Voorbeeld {n}")
    kind = Organisation.Kind.MUNICIPALITY
    city = "Utrecht"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Persoon {n}")
    job_title = "wethouder"
    organisation = factory.SubFactory(OrganisationFactory)


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    name = factory.Sequence(lambda n: f"Partnerschap {n}")
    theme = Partnership.Theme.HOUSING
    start_date = datetime.date(2015, 12, 1)


class CityDealFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CityDeal

    name = factory.Sequence(lambda n: f"City Deal {n}")
    signed_on = datetime.date(2016, 6, 1)
    phase = CityDeal.Phase.EXECUTION


def take_part(programme, *organisations, role=None):
    """Add ``organisations`` to a partnership or City Deal, in ``role`` or the one of their kind."""
    field = "partnership" if isinstance(programme, Partnership) else "city_deal"
    return [
        Participation.objects.create(
            organisation=organisation, role=role or Participation.Role.of(organisation), **{field: programme}
        )
        for organisation in organisations
    ]


class MilestoneFactory(factory.django.DjangoModelFactory):
    """A milestone of a partnership (pass ``city_deal=...`` and ``partnership=None`` for a City Deal)."""

    class Meta:
        model = Milestone

    partnership = factory.SubFactory(PartnershipFactory)
    date = datetime.date(2016, 5, 30)
    precision = Milestone.Precision.DAY
    kind = Milestone.Kind.START
    description = factory.Sequence(lambda n: f"Mijlpaal {n}")


class UserFactory(factory.django.DjangoModelFactory):
    """A member of the editorial staff, as named in a byline."""

    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"redacteur{n}")
    first_name = "Eva"
    last_name = factory.Sequence(lambda n: f"de Redacteur {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published article, visible to readers, unless ``status`` or ``published_at`` say otherwise."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Artikel nummer {n}")
    kind = Article.Kind.INTERVIEW
    lead = "Een korte inleiding."
    body = "<p>De tekst van het artikel.</p>"
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT, published_at=None)
        with_image = factory.Trait(hero_image=factory.django.ImageField(width=1200, height=800, color="navy"))
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=1))
        )

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)

    @factory.post_generation
    def people(self, create, extracted, **kwargs):
        if create and extracted:
            self.people.add(*extracted)

    @factory.post_generation
    def organisations(self, create, extracted, **kwargs):
        if create and extracted:
            self.organisations.add(*extracted)

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create and extracted:
            self.authors.add(*extracted)

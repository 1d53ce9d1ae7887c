import secrets
from datetime import date, datetime, timedelta

import reversion
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, Milestone
from demo import content as demo_data
from demo import images as demo_images
from people.models import CityDeal, Organisation, Participation, Partnership, Person


def parse_date(value):
    return date.fromisoformat(value) if value else None


def parse_datetime(value):
    return timezone.make_aware(datetime.fromisoformat(value)) if value else None


class Command(BaseCommand):
    help = (
        "Load the demo content: organisations, people, partnerships, City Deals and ten articles, "
        "and an 'admin' superuser. Idempotent: what exists (by slug) is left alone."
    )

    def handle(self, *args, **options):
        self.created = {}
        self.new_programmes = []
        with transaction.atomic(), reversion.create_revision():
            reversion.set_comment("Demo-inhoud geladen")
            organisations = {
                item["name"]: self.get_or_create(Organisation, item, self.new_organisation)
                for item in demo_data.ORGANISATIONS
            }
            self.organisations = organisations
            self.people = {
                item["name"]: self.get_or_create(Person, item, self.new_person) for item in demo_data.PEOPLE
            }
            self.partnerships = {
                item["name"]: self.get_or_create(Partnership, item, self.new_partnership)
                for item in demo_data.PARTNERSHIPS
            }
            self.city_deals = {
                item["name"]: self.get_or_create(CityDeal, item, self.new_city_deal)
                for item in demo_data.CITY_DEALS
            }
            self.new_articles = []
            articles = {
                item["title"]: self.get_or_create(Article, item, self.new_article, name_key="title")
                for item in demo_data.ARTICLES
            }
            for article, item in self.new_articles:
                article.related.add(*(articles[title] for title in item["related"]))
            for programme, item in self.new_programmes:
                self.add_milestones(programme, item["milestones"], articles)
        for model, count in self.created.items():
            if count:
                self.stdout.write(f"{model._meta.verbose_name_plural}: {count} created")
        if not any(self.created.values()):
            self.stdout.write("Demo content was already loaded; nothing changed.")
        self.ensure_superuser()

    def get_or_create(self, model, item, create, name_key="name"):
        slug = slugify(item[name_key])
        existing = model.objects.filter(slug=slug).first()
        self.created.setdefault(model, 0)
        if existing:
            return existing
        self.created[model] += 1
        instance = create(item, slug)
        instance.tags.add(*item["tags"])
        return instance

    def new_organisation(self, item, slug):
        return Organisation.objects.create(
            slug=slug,
            name=item["name"],
            kind=item["kind"],
            city=item["city"],
            country=item["country"],
            website=item["website"],
            description=item["description"],
        )

    def new_person(self, item, slug):
        person = Person(
            slug=slug,
            name=item["name"],
            job_title=item["job_title"],
            organisation=self.organisations.get(item["organisation"]),
            bio=item["bio"],
            portrait_credit=item["portrait_credit"],
            website=item["website"],
        )
        person.portrait.save(f"{slug}.jpg", demo_images.card(item["name"], (480, 480)), save=False)
        person.save()
        return person

    def new_partnership(self, item, slug):
        partnership = Partnership.objects.create(
            slug=slug,
            name=item["name"],
            theme=item["theme"],
            start_date=parse_date(item["start_date"]),
            end_date=parse_date(item["end_date"]),
            status=item["status"],
            description=item["description"],
            website=item["website"],
            action_plan_url=item["action_plan_url"],
        )
        coordinators = [self.organisations[name] for name in item["coordinators"]]
        members = [self.organisations[name] for name in item["members"]]
        self.add_participants(partnership, coordinators, members)
        partnership.contacts.add(*(self.people[name] for name in item["contacts"]))
        self.new_programmes.append((partnership, item))
        return partnership

    def new_city_deal(self, item, slug):
        deal = CityDeal.objects.create(
            slug=slug,
            name=item["name"],
            kind=item["kind"],
            signed_on=parse_date(item["signed_on"]),
            end_date=parse_date(item["end_date"]),
            phase=item["phase"],
            description=item["description"],
            website=item["website"],
        )
        self.add_participants(deal, [], [self.organisations[name] for name in item["partners"]])
        deal.contacts.add(*(self.people[name] for name in item["contacts"]))
        self.new_programmes.append((deal, item))
        return deal

    def add_participants(self, programme, coordinators, others):
        """Add the coordinators, and the others as a city, ministry or partner by their kind."""
        field = "partnership" if isinstance(programme, Partnership) else "city_deal"
        roles = [(organisation, Participation.Role.COORDINATOR) for organisation in coordinators]
        roles += [(organisation, Participation.Role.of(organisation)) for organisation in others]
        Participation.objects.bulk_create(
            [
                Participation(organisation=organisation, role=role, **{field: programme})
                for organisation, role in roles
            ]
        )

    def add_milestones(self, programme, milestones, articles):
        field = "partnership" if isinstance(programme, Partnership) else "city_deal"
        for day, precision, kind, description, *linked in milestones:
            milestone = Milestone.objects.create(
                date=parse_date(day),
                precision=precision,
                kind=kind,
                description=description,
                **{field: programme},
            )
            milestone.articles.add(*(articles[title] for title in (linked[0] if linked else [])))

    def new_article(self, item, slug):
        published_at = parse_datetime(item["published_at"])
        if item["scheduled"]:
            published_at = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=7)
        article = Article(
            slug=slug,
            title=item["title"],
            kind=item["kind"],
            lead=item["lead"],
            body=item["body"],
            status=item["status"],
            published_at=published_at if item["status"] == Article.Status.PUBLISHED else None,
            partnership=self.partnerships.get(item["partnership"]),
            city_deal=self.city_deals.get(item["city_deal"]),
            hero_alt=item["hero_alt"],
            hero_caption=item["hero_caption"],
            hero_credit=item["hero_credit"],
            source_note=item["source_note"],
            source_url=item["source_url"],
            attachment_title=item["attachment_title"],
        )
        label = article.get_kind_display().upper()
        card_text = item["people"][0] if item["people"] else item["title"]
        article.hero_image.save(f"{slug}.jpg", demo_images.card(card_text, (1200, 800), label), save=False)
        if item["attachment_title"]:
            lines = [item["title"], "", "Demo-bijlage bij het artikel in het e-zine."]
            article.attachment.save(
                f"{slug}.pdf", demo_images.pdf(item["attachment_title"], lines), save=False
            )
        article.save()
        article.people.add(*(self.people[name] for name in item["people"]))
        article.organisations.add(*(self.organisations[name] for name in item["organisations"]))
        article.authors.add(*(self.people[name] for name in item["authors"]))
        self.new_articles.append((article, item))
        return article

    def ensure_superuser(self):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            return
        password = secrets.token_urlsafe(12)
        admin = User.objects.create_superuser("admin", "admin@example.org", password)
        # The demo's chief editor works under this account: articles started here carry her byline.
        Person.objects.filter(name=demo_data.WRITERS[0], user=None).update(user=admin)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created superuser 'admin' with password: {password}\n"
                "This password is shown only once. Change it with: python manage.py changepassword admin"
            )
        )

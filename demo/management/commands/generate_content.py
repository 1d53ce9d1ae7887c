"""Generate a large, realistic-looking e-zine for benchmarks: ``manage.py generate_content --articles 10000``.

Everything is written with ``bulk_create`` in chunks, deterministically from ``--seed``. People,
organisations, tags, partnerships and City Deals grow with the number of articles. The text is Dutch
built from a vocabulary of this domain (plurals, verb forms, compounds, diacritics, hyphens), so that
search benchmarks meet the same words readers do. The search index is built in bulk at the end.
"""

import datetime
import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries, transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from articles.models import Article, TaggedArticle
from core.dependencies import ALL
from ezine.pagecache import touch
from people.models import CityDeal, Organisation, Participation, Partnership, Person
from search import index
from search.backends import backend

PREFIX = "gen"

CITIES = [
    *"Amsterdam Rotterdam Utrecht Eindhoven Groningen Tilburg Almere Breda Nijmegen Apeldoorn Arnhem".split(),
    *"Haarlem Enschede Maastricht Zwolle Leeuwarden Heerlen Deventer Delft Leiden Dordrecht Zaanstad".split(),
    *"Emmen Venlo Helmond Amersfoort Alkmaar Lelystad Sittard-Geleen Roermond Hengelo Gouda".split(),
    "Den Haag",
    "Den Helder",
    "'s-Hertogenbosch",
]

NOUNS = [  # (singular, plural)
    ("woning", "woningen"),
    ("huurwoning", "huurwoningen"),
    ("wijk", "wijken"),
    ("buurt", "buurten"),
    ("huurcontract", "huurcontracten"),
    ("woningcorporatie", "woningcorporaties"),
    ("subsidie", "subsidies"),
    ("huursubsidie", "huursubsidies"),
    ("auto", "auto's"),
    ("deelauto", "deelauto's"),
    ("schip", "schepen"),
    ("lid", "leden"),
    ("raadslid", "raadsleden"),
    ("stad", "steden"),
    ("binnenstad", "binnensteden"),
    ("gemeente", "gemeenten"),
    ("bewoner", "bewoners"),
    ("ondernemer", "ondernemers"),
    ("school", "scholen"),
    ("fabriek", "fabrieken"),
    ("regeling", "regelingen"),
    ("afspraak", "afspraken"),
    ("project", "projecten"),
    ("plein", "pleinen"),
    ("straat", "straten"),
    ("haven", "havens"),
    ("kind", "kinderen"),
    ("jongere", "jongeren"),
    ("wethouder", "wethouders"),
    ("ministerie", "ministeries"),
    ("regio", "regio's"),
    ("e-mail", "e-mails"),
    ("Town Deal", "Town Deals"),
    ("City Deal", "City Deals"),
    ("zonnepaneel", "zonnepanelen"),
    ("warmtenet", "warmtenetten"),
    ("fietspad", "fietspaden"),
    ("energierekening", "energierekeningen"),
    ("coöperatie", "coöperaties"),
    ("reünie", "reünies"),
    ("evaluatie", "evaluaties"),
    ("investering", "investeringen"),
    ("samenwerking", "samenwerkingen"),
    ("aanpak", "aanpakken"),
    ("buurthuis", "buurthuizen"),
    ("bedrijf", "bedrijven"),
    ("vergunning", "vergunningen"),
    ("wijkteam", "wijkteams"),
    ("idee", "ideeën"),
    ("leefbaarheid", "leefbaarheid"),
    ("veiligheidsbeleid", "veiligheidsbeleid"),
    ("energietransitie", "energietransitie"),
    ("luchtkwaliteit", "luchtkwaliteit"),
    ("werkgelegenheid", "werkgelegenheid"),
    ("jeugdwerkloosheid", "jeugdwerkloosheid"),
    ("broedplaats", "broedplaatsen"),
    ("co-creatie", "co-creaties"),
    ("prestatieafspraak", "prestatieafspraken"),
    ("zorgverzekeraar", "zorgverzekeraars"),
]

# Compounds make most of the Dutch vocabulary: modifier + head, with the head's plural.
MODIFIERS = (
    "huur energie zorg woon stads buurt school jeugd klimaat water fiets markt proef wijk bouw kennis "
    "sport cultuur groen data haven mobiliteits veiligheids armoede werk"
).split()
HEADS = [
    ("plan", "plannen"),
    ("project", "projecten"),
    ("budget", "budgetten"),
    ("regeling", "regelingen"),
    ("netwerk", "netwerken"),
    ("centrum", "centra"),
    ("team", "teams"),
    ("programma", "programma's"),
    ("akkoord", "akkoorden"),
    ("fonds", "fondsen"),
    ("raad", "raden"),
    ("agenda", "agenda's"),
    ("verkenning", "verkenningen"),
    ("locatie", "locaties"),
    ("coalitie", "coalities"),
    ("opgave", "opgaven"),
]


def zipf(items, rng):
    """Return ``items`` shuffled with cumulative Zipf weights: a few words are common, most are rare."""
    items = list(items)
    rng.shuffle(items)
    cumulative, total = [], 0.0
    for rank in range(1, len(items) + 1):
        total += 1 / rank
        cumulative.append(total)
    return items, cumulative


VERBS = [  # (plural / infinitive, third person, past, participle)
    ("werken", "werkt", "werkte", "gewerkt"),
    ("investeren", "investeert", "investeerde", "geïnvesteerd"),
    ("bouwen", "bouwt", "bouwde", "gebouwd"),
    ("evalueren", "evalueert", "evalueerde", "geëvalueerd"),
    ("ondersteunen", "ondersteunt", "ondersteunde", "ondersteund"),
    ("verduurzamen", "verduurzaamt", "verduurzaamde", "verduurzaamd"),
    ("ontwikkelen", "ontwikkelt", "ontwikkelde", "ontwikkeld"),
    ("onderzoeken", "onderzoekt", "onderzocht", "onderzocht"),
    ("sluiten", "sluit", "sloot", "gesloten"),
    ("renoveren", "renoveert", "renoveerde", "gerenoveerd"),
    ("financieren", "financiert", "financierde", "gefinancierd"),
    ("begeleiden", "begeleidt", "begeleidde", "begeleid"),
    ("verbeteren", "verbetert", "verbeterde", "verbeterd"),
    ("bespreken", "bespreekt", "besprak", "besproken"),
    ("beheren", "beheert", "beheerde", "beheerd"),
    ("ondertekenen", "ondertekent", "ondertekende", "ondertekend"),
]

ADJECTIVES = (
    "betaalbare duurzame sociale nieuwe kwetsbare leefbare circulaire groene veilige stedelijke lokale "
    "Europese innovatieve digitale gezonde inclusieve regionale kleine grote oude"
).split()

FIRST_NAMES = (
    "Anna Bram Chantal Daan Eline Fatima Gert Hanneke Ingrid Jeroen Karim Lotte Mohamed Noor Olaf Petra "
    "Quinten Rachida Sanne Thijs Ursula Vincent Wendy Yusuf Zoë Ilse Joost Marieke Sebastiaan Anouk"
).split()
SURNAMES = (
    "de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer|Mulder|"
    "de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Smits|de Graaf|"
    "van der Meer|Kaya|Yılmaz|El Amrani|Çelik|Müller"
).split("|")
JOB_TITLES = (
    "wethouder|projectleider|beleidsadviseur|directeur|burgemeester|onderzoeker|programmamanager|"
    "bestuurder|raadslid|kwartiermaker|coördinator|ondernemer"
).split("|")
TOPICS = (
    "wonen|veiligheid|energietransitie|circulaire economie|mobiliteit|luchtkwaliteit|werk|onderwijs|"
    "zorg|armoede|digitalisering|klimaatadaptatie|cultuur|erfgoed|participatie|bestuur|europa|"
    "city deals|town deals|sociale huur|gezonde stad|binnenstedelijk bouwen|innovatie|economie|"
    "samenwerking|migratie|inclusie|financiering|platteland|openbare ruimte"
).split("|")
ORGANISATION_KINDS = [
    ("Gemeente {city}", Organisation.Kind.MUNICIPALITY),
    ("Woningcorporatie {city}", Organisation.Kind.HOUSING_ASSOCIATION),
    ("Stichting Stad en {topic}", Organisation.Kind.CIVIL_SOCIETY),
    ("Kenniscentrum {topic}", Organisation.Kind.KNOWLEDGE_INSTITUTE),
    ("{city} {topic} B.V.", Organisation.Kind.COMPANY),
    ("Netwerk {topic}", Organisation.Kind.NETWORK),
]

SENTENCES = [
    "{org} {verb3} {adj} {nouns} in {city}.",
    "Volgens {person} is de {noun} in {city} een zaak van iedereen.",
    "In {year} {past} {org} een {noun} voor de {nouns} van {city}.",
    "Er zijn {number} {nouns} {participle} in de {noun} van {city}.",
    "‘We willen {adj} {nouns} voor iedereen’, zegt {person}.",
    "De {noun} {verb3} samen met {org} aan {adj} {nouns}.",
    "Bewoners en {nouns} {verb} in de wijk aan een {adj} {noun}.",
    "{person} {past} de {nouns} die in {city} zijn {participle}.",
    "Het gaat om {number} {nouns} en een {adj} {noun}.",
    "Zo krijgen {nouns} in {city} meer ruimte voor {topic}.",
]
QUESTIONS = [
    "Hoe begon de {noun} in {city}?",
    "Wat betekent de {noun} voor {nouns}?",
    "Waarom {verb} {nouns} samen?",
    "Wat kunnen andere {nouns} hiervan leren?",
]
TITLES = [
    "{Adj} {nouns} in {city}",
    "{city} {verb3} aan {adj} {nouns}",
    "‘{Adj} {nouns} zijn geen luxe’",
    "Hoe {city} {nouns} {verb3}",
    "{Noun} voor {city}: {adj} en {adj2}",
]


class Writer:
    """Dutch-ish text from the vocabulary above, drawn with one seeded random generator."""

    def __init__(self, rng, people, organisations):
        self.rng = rng
        self.people = people
        self.organisations = organisations
        compounds = [(m + head, m + plural) for m in MODIFIERS for head, plural in HEADS]
        self.nouns = zipf(NOUNS + compounds, rng)
        self.cities = zipf(CITIES, rng)

    def pick(self, weighted):
        items, cumulative = weighted
        return self.rng.choices(items, cum_weights=cumulative)[0]

    def fill(self, template):
        rng = self.rng
        noun, nouns = self.pick(self.nouns)
        verb, verb3, past, participle = rng.choice(VERBS)
        adj, adj2 = rng.sample(ADJECTIVES, 2)
        return template.format(
            noun=noun,
            nouns=nouns,
            Noun=noun[:1].upper() + noun[1:],
            verb=verb,
            verb3=verb3,
            past=past,
            participle=participle,
            adj=adj,
            adj2=adj2,
            Adj=adj.capitalize(),
            city=self.pick(self.cities),
            org=rng.choice(self.organisations),
            person=rng.choice(self.people),
            year=rng.randint(2015, 2025),
            number=rng.randint(2, 900),
            topic=rng.choice(TOPICS),
        )

    def sentence(self):
        return self.fill(self.rng.choice(SENTENCES))

    def paragraph(self, sentences=None):
        return " ".join(self.sentence() for _ in range(sentences or self.rng.randint(3, 6)))

    def title(self):
        return self.fill(self.rng.choice(TITLES))

    def body(self, interview):
        parts = []
        for _ in range(self.rng.randint(4, 8)):
            if interview:
                parts.append(f'<h2 class="question">{self.fill(self.rng.choice(QUESTIONS))}</h2>')
            parts.append(f"<p>{self.paragraph()}</p>")
        return "\n".join(parts)


class Command(BaseCommand):
    help = (
        "Generate N articles with proportional people, organisations, tags, partnerships and City Deals, "
        "deterministically from a seed, and index them for search. For benchmarks; slugs start with 'gen-'."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles",
            type=int,
            default=1000,
            help="How many articles (default 1000; 0 with --clear only clears).",
        )
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument("--chunk-size", type=int, default=2000, help="Rows per bulk insert.")
        parser.add_argument(
            "--clear", action="store_true", help="First delete everything generated before (slugs 'gen-...')."
        )

    def handle(self, *args, articles, seed, chunk_size, clear, **options):
        if articles < 0:
            raise CommandError("--articles cannot be negative.")
        self.chunk_size = chunk_size
        self.started = time.monotonic()
        if clear:
            self.clear()
        if not articles:
            return
        self.tag = f"{PREFIX}-{seed}-"
        if Article.objects.filter(slug__startswith=self.tag).exists():
            raise CommandError(f"Content with seed {seed} exists; use --clear or another --seed.")
        rng = random.Random(seed)
        with transaction.atomic():
            organisations = self.organisations(rng, max(20, articles // 40))
            people = self.people(rng, max(40, articles // 15), organisations)
            tags = self.tags(rng, max(len(TOPICS), articles // 250))
            partnerships = self.partnerships(rng, organisations, people)
            deals = self.city_deals(rng, max(8, articles // 500), organisations, people)
            writer = Writer(rng, [p.name for p in people], [o.name for o in organisations])
            article_ids = self.articles(
                rng, writer, articles, people, organisations, tags, partnerships, deals
            )
        self.index(Organisation, [o.pk for o in organisations])
        self.index(Person, [p.pk for p in people])
        self.index(Partnership, [p.pk for p in partnerships])
        self.index(CityDeal, [d.pk for d in deals])
        self.index(Article, article_ids)
        backend().after_bulk_load()
        with connection.cursor() as cursor:
            # Planner statistics for the tables just filled: without them PostgreSQL misjudges how many
            # articles are published and plans searches and listings badly until autovacuum gets to them.
            # On PostgreSQL VACUUM also marks the pages all-visible, so that counts and deep pages of the
            # article list are answered from the index alone.
            vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
            cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
        touch([ALL])  # bulk inserts send no signals: make every cached page render fresh
        self.log(f"Done: {articles} articles")

    def log(self, message):
        # With DEBUG on, Django keeps the last 9,000 queries; bulk inserts of text would pile up to gigabytes.
        reset_queries()
        self.stdout.write(f"[{time.monotonic() - self.started:7.1f} s] {message}")

    def clear(self):
        with transaction.atomic():
            generated = {"slug__startswith": f"{PREFIX}-"}
            deleted = Article.objects.filter(**generated).delete()[0]
            for model in (CityDeal, Partnership, Person, Organisation):
                deleted += model.objects.filter(**generated).delete()[0]
        touch([ALL])
        self.log(f"Deleted {deleted} generated rows")

    def bulk(self, model, objects):
        created = model.objects.bulk_create(objects, batch_size=self.chunk_size)
        self.log(f"{model._meta.verbose_name_plural}: {len(created)}")
        return created

    def organisations(self, rng, count):
        objects = []
        for n in range(count):
            pattern, kind = ORGANISATION_KINDS[n % len(ORGANISATION_KINDS)]
            city = rng.choice(CITIES)
            name = pattern.format(city=city, topic=rng.choice(TOPICS).capitalize())
            objects.append(
                Organisation(
                    slug=f"{self.tag}{slugify(name)}-{n}",
                    name=name,
                    kind=kind,
                    city=city,
                    description=f"{name} werkt in {city} aan {rng.choice(TOPICS)} en {rng.choice(TOPICS)}.",
                )
            )
        return self.bulk(Organisation, objects)

    def people(self, rng, count, organisations):
        objects = []
        for n in range(count):
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
            organisation = rng.choice(organisations)
            job = rng.choice(JOB_TITLES)
            objects.append(
                Person(
                    slug=f"{self.tag}{slugify(name)}-{n}",
                    name=name,
                    job_title=job,
                    organisation=organisation,
                    bio=f"{name} is {job} bij {organisation.name} en werkt aan {rng.choice(TOPICS)}.",
                )
            )
        return self.bulk(Person, objects)

    def tags(self, rng, count):
        names = list(TOPICS) + [f"{topic} {city}" for topic in TOPICS for city in CITIES]
        names = names[:count]
        existing = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
        new = [Tag(name=name, slug=slugify(name)) for name in names if name not in existing]
        Tag.objects.bulk_create(new, batch_size=self.chunk_size, ignore_conflicts=True)
        return list(Tag.objects.filter(name__in=names))

    def partnerships(self, rng, organisations, people):
        objects = [
            Partnership(
                slug=f"{self.tag}partnerschap-{slugify(label)}",
                name=f"Partnerschap {label}",
                theme=theme,
                start_date=datetime.date(2016 + n % 4, 1 + n % 12, 1),
                status=Partnership.Status.ACTIVE,
                description=f"Het Europese partnerschap over {str(label).lower()}, met steden en lidstaten.",
            )
            for n, (theme, label) in enumerate(Partnership.Theme.choices)
        ]
        created = self.bulk(Partnership, objects)
        Participation.objects.bulk_create(
            [
                Participation(
                    partnership=partnership,
                    organisation=organisation,
                    role=Participation.Role.of(organisation),
                )
                for partnership in created
                for organisation in rng.sample(organisations, min(15, len(organisations)))
            ]
        )
        return created

    def city_deals(self, rng, count, organisations, people):
        objects = []
        for n in range(count):
            town = n % 4 == 3
            topic = rng.choice(TOPICS)
            name = f"{'Town' if town else 'City'} Deal {topic.capitalize()} {n + 1}"
            objects.append(
                CityDeal(
                    slug=f"{self.tag}{slugify(name)}",
                    name=name,
                    kind=CityDeal.Kind.TOWN_DEAL if town else CityDeal.Kind.CITY_DEAL,
                    signed_on=datetime.date(2016 + n % 9, 1 + n % 12, 15),
                    phase=rng.choice(CityDeal.Phase.values),
                    description=f"Steden, ministeries en partners werken samen aan {topic}.",
                )
            )
        created = self.bulk(CityDeal, objects)
        Participation.objects.bulk_create(
            [
                Participation(
                    city_deal=deal, organisation=organisation, role=Participation.Role.of(organisation)
                )
                for deal in created
                for organisation in rng.sample(organisations, min(6, len(organisations)))
            ]
        )
        return created

    def articles(self, rng, writer, count, people, organisations, tags, partnerships, deals):
        now = timezone.now()
        start = now - datetime.timedelta(days=365 * 10)
        kinds = Article.Kind.values
        ids = []
        for first in range(0, count, self.chunk_size):
            batch = []
            for n in range(first, min(first + self.chunk_size, count)):
                kind = rng.choice(kinds)
                roll = rng.random()
                status, published_at = Article.Status.PUBLISHED, start + (now - start) * rng.random()
                if roll < 0.04:
                    status, published_at = Article.Status.DRAFT, None
                elif roll < 0.06:
                    published_at = now + datetime.timedelta(days=rng.randint(1, 60))
                elif roll < 0.07:
                    status = Article.Status.WITHDRAWN
                title = writer.title()
                batch.append(
                    Article(
                        slug=f"{self.tag}{slugify(title)[:150]}-{n}",
                        title=title,
                        kind=kind,
                        lead=writer.paragraph(2),
                        body=writer.body(interview=kind == Article.Kind.INTERVIEW),
                        status=status,
                        published_at=published_at,
                        first_published_at=published_at,
                        partnership=rng.choice(partnerships) if rng.random() < 0.1 else None,
                        city_deal=rng.choice(deals) if rng.random() < 0.15 else None,
                    )
                )
            created = Article.objects.bulk_create(batch)
            self.relate(rng, created, people, organisations, tags)
            ids += [article.pk for article in created]
            self.log(f"articles: {len(ids)}/{count}")
        return ids

    def relate(self, rng, articles, people, organisations, tags):
        people_through = Article.people.through
        organisations_through = Article.organisations.through
        people_rows, organisation_rows, tag_rows = [], [], []
        for article in articles:
            people_rows += [
                people_through(article_id=article.pk, person_id=person.pk)
                for person in rng.sample(people, rng.randint(0, 3))
            ]
            organisation_rows += [
                organisations_through(article_id=article.pk, organisation_id=organisation.pk)
                for organisation in rng.sample(organisations, rng.randint(0, 2))
            ]
            tag_rows += [
                TaggedArticle(content_object_id=article.pk, tag_id=tag.pk)
                for tag in rng.sample(tags, rng.randint(1, 4))
            ]
        people_through.objects.bulk_create(people_rows, batch_size=self.chunk_size)
        organisations_through.objects.bulk_create(organisation_rows, batch_size=self.chunk_size)
        TaggedArticle.objects.bulk_create(tag_rows, batch_size=self.chunk_size)

    def index(self, model, pks):
        """Index the new objects in chunks (bulk_create sends no signals)."""
        for first in range(0, len(pks), self.chunk_size):
            with transaction.atomic():
                index.update(model, pks[first : first + self.chunk_size])
            reset_queries()
        self.log(f"indexed {model._meta.verbose_name_plural}: {len(pks)}")

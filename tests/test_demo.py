import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from articles.models import Article
from demo import content as demo_data
from people.models import CityDeal, Organisation, Partnership, Person

pytestmark = pytest.mark.django_db

MODELS = [Organisation, Person, Partnership, CityDeal, Article]


def snapshot():
    return {model: sorted(model.objects.values_list("slug", "updated_at")) for model in MODELS}


def test_demo_creates_an_admin_superuser_once_and_prints_the_password(db, capsys):
    call_command("load_demo")
    first = capsys.readouterr().out
    call_command("load_demo")
    second = capsys.readouterr().out
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    password = first.split("password: ")[1].split()[0]
    assert admin.check_password(password)
    assert "password" not in second


class TestDemoContent:
    """Tests over the demo content, loaded once for the class."""

    def test_demo_creates_all_content_of_the_domain(self, demo):
        assert Organisation.objects.count() == len(demo_data.ORGANISATIONS)
        assert Person.objects.count() == len(demo_data.PEOPLE)
        assert Partnership.objects.count() == len(demo_data.PARTNERSHIPS)
        assert CityDeal.objects.count() == len(demo_data.CITY_DEALS)
        assert Article.objects.count() == 10

    def test_demo_has_one_draft_one_scheduled_and_eight_visible_articles(self, demo):
        assert Article.objects.filter(status=Article.Status.DRAFT).count() == 1
        assert Article.objects.published().count() == 8
        scheduled = Article.objects.filter(status=Article.Status.PUBLISHED).exclude(
            pk__in=Article.objects.published().values("pk")
        )
        assert scheduled.count() == 1

    def test_demo_relations_are_set(self, demo):
        deal = CityDeal.objects.get(name="City Deal Zorg voor Veiligheid in de Stad")
        assert "Gemeente Maastricht" in [organisation.name for organisation in deal.organisations()]
        article = Article.objects.get(city_deal=deal)
        assert set(article.people.values_list("name", flat=True)) >= {"Manon Reckin", "Anouk Crapts"}
        housing = Partnership.objects.get(theme=Partnership.Theme.HOUSING)
        assert {organisation.country for organisation in housing.coordinators} == {"SK", "AT"}
        assert Person.objects.get(name="Sebastien Garnier").organisation.name == "Aedes"
        assert Article.objects.exclude(related=None).exists()

    def test_demo_images_have_dimensions_stored_and_credits(self, demo):
        # values() reads the stored columns; model instances would measure missing sizes from the files.
        assert set(Person.objects.values_list("portrait_width", "portrait_height")) == {(480, 480)}
        assert set(Article.objects.values_list("hero_width", "hero_height")) == {(1200, 800)}
        for article in Article.objects.all():
            assert article.hero_image and article.hero_alt and article.hero_credit
        with_attachment = Article.objects.exclude(attachment="").get()
        assert with_attachment.attachment.read(5) == b"%PDF-"

    def test_loading_the_demo_twice_changes_nothing(self, demo):
        before = snapshot()
        call_command("load_demo", stdout=open("/dev/null", "w"))
        assert snapshot() == before

    def test_every_demo_page_opens(self, demo):
        client = Client()
        urls = [
            "/",
            "/artikelen/",
            "/personen/",
            "/organisaties/",
            "/partnerschappen/",
            "/city-deals/",
            "/tags/",
        ]
        for model in MODELS[:-1]:
            urls += [obj.get_absolute_url() for obj in model.objects.all()]
        urls += [article.get_absolute_url() for article in Article.objects.published()]
        for url in urls:
            assert client.get(url).status_code == 200, url
        for article in Article.objects.exclude(pk__in=Article.objects.published().values("pk")):
            assert client.get(article.get_absolute_url()).status_code == 404

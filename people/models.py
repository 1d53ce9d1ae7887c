import reversion
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItem

from core.images import Focus, PhotoField, RenditionSet
from core.models import ContentModel
from core.validators import validate_image_upload


class Country(models.TextChoices):
    NETHERLANDS = "NL", _("Netherlands")
    BELGIUM = "BE", _("Belgium")
    GERMANY = "DE", _("Germany")
    FRANCE = "FR", _("France")
    LUXEMBOURG = "LU", _("Luxembourg")
    AUSTRIA = "AT", _("Austria")
    BULGARIA = "BG", _("Bulgaria")
    CYPRUS = "CY", _("Cyprus")
    CZECHIA = "CZ", _("Czechia")
    DENMARK = "DK", _("Denmark")
    ESTONIA = "EE", _("Estonia")
    FINLAND = "FI", _("Finland")
    GREECE = "GR", _("Greece")
    HUNGARY = "HU", _("Hungary")
    IRELAND = "IE", _("Ireland")
    ITALY = "IT", _("Italy")
    CROATIA = "HR", _("Croatia")
    LATVIA = "LV", _("Latvia")
    LITHUANIA = "LT", _("Lithuania")
    MALTA = "MT", _("Malta")
    POLAND = "PL", _("Poland")
    PORTUGAL = "PT", _("Portugal")
    ROMANIA = "RO", _("Romania")
    SLOVAKIA = "SK", _("Slovakia")
    SLOVENIA = "SI", _("Slovenia")
    SPAIN = "ES", _("Spain")
    SWEDEN = "SE", _("Sweden")
    NORWAY = "NO", _("Norway")
    SWITZERLAND = "CH", _("Switzerland")
    UNITED_KINGDOM = "GB", _("United Kingdom")
    OTHER = "XX", _("Other country")


class NamedContent(ContentModel):
    """A person, organisation or collaboration: known by its name, with a page of its own."""

    url_name = None

    name = models.CharField(_("name"), max_length=200)
    # The rows behind ``tags``: followed by revisions, so a revert or recovery brings the tags back.
    tag_links = GenericRelation(TaggedItem)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse(self.url_name, kwargs={"slug": self.slug})


class Collaboration(NamedContent):
    """What partnerships and City Deals share: a description, a website and tags."""

    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    tags = TaggableManager(verbose_name=_("tags"), blank=True)

    class Meta:
        abstract = True

    def participant_groups(self):
        """Return the organisations taking part grouped by role, as the programme shows them: coordinators,
        cities, ministries, others. A list of (heading, organisations) pairs, empty groups left out; uses
        prefetched ``participations`` (with their organisations) without further queries."""
        groups = {role: [] for role in ROLE_HEADINGS}
        for participation in self.participations.all():
            groups[participation.role].append(participation.organisation)
        return [(ROLE_HEADINGS[role], sorted(orgs, key=str)) for role, orgs in groups.items() if orgs]

    def organisations(self, role=None):
        """Return the organisations taking part (in ``role``, if given), each once, by name (prefetched
        ``participations``)."""
        found = {
            p.organisation_id: p.organisation for p in self.participations.all() if role in (None, p.role)
        }
        return sorted(found.values(), key=str)

    @property
    def kind_name(self):
        """Return what this programme is, as readers read it: “partnerschap”, “City Deal”."""
        return self._meta.verbose_name

    @property
    def coordinators(self):
        return self.organisations(role=Participation.Role.COORDINATOR)


class Organisation(NamedContent):
    url_name = "people:organisation_detail"

    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("ministry")
        MUNICIPALITY = "municipality", _("municipality")
        PROVINCE = "province", _("province")
        HOUSING_ASSOCIATION = "housing_association", _("housing association")
        KNOWLEDGE_INSTITUTE = "knowledge_institute", _("knowledge institute")
        COMPANY = "company", _("company")
        CIVIL_SOCIETY = "civil_society", _("civil-society organisation")
        EU_INSTITUTION = "eu_institution", _("EU institution")
        NETWORK = "network", _("network or umbrella organisation")
        OTHER = "other", _("other")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.OTHER)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(
        _("country"), max_length=2, choices=Country.choices, default=Country.NETHERLANDS
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    logo = PhotoField(
        _("logo"),
        upload_to="organisations/",
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
        validators=[validate_image_upload],
        help_text=_("JPEG, PNG or WebP, at most 15 MB."),
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    tags = TaggableManager(verbose_name=_("tags"), blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["name"], name="organisation_name_idx"),
            models.Index(fields=["kind", "name"], name="organisation_kind_idx"),
        ]

    def programmes(self):
        """Return this organisation's participations, each with its partnership or City Deal, the earliest
        begun first (one query)."""
        began = Coalesce("start_date", "partnership__start_date", "city_deal__signed_on")
        return self.participations.select_related("partnership", "city_deal").order_by(
            began.asc(nulls_last=True), "pk"
        )


class Person(NamedContent):
    url_name = "people:person_detail"

    job_title = models.CharField(
        _("job title"),
        max_length=200,
        blank=True,
        help_text=_("As it appears under the name, e.g. “wethouder”."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        related_name="people",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    bio = models.TextField(_("short bio"), blank=True)
    portrait = PhotoField(
        _("portrait"),
        upload_to="people/",
        blank=True,
        width_field="portrait_width",
        height_field="portrait_height",
        validators=[validate_image_upload],
        help_text=_("JPEG, PNG or WebP, at most 15 MB. Shown cropped to a circle."),
    )
    portrait_focus = models.CharField(
        _("focus"),
        max_length=16,
        choices=Focus.choices,
        default=Focus.CENTER,
        help_text=_("The part of the portrait to keep when it is cropped to a circle."),
    )
    portrait_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    portrait_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    portrait_credit = models.CharField(
        _("photo credit"),
        max_length=200,
        blank=True,
        help_text=_("Photographer or source, shown as “Foto: …”. Without the word “Foto”."),
    )
    website = models.URLField(_("website or social media"), blank=True)
    tags = TaggableManager(verbose_name=_("tags"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("editor account"),
        related_name="person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text=_(
            "For a member of the editorial staff: the articles they start carry this name in the byline."
        ),
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        indexes = [models.Index(fields=["name"], name="person_name_idx")]


class Partnership(Collaboration):
    """A partnership of the EU Urban Agenda: one theme, members and coordinators (``participations``)."""

    url_name = "people:partnership_detail"

    class Theme(models.TextChoices):
        HOUSING = "housing", _("Housing")
        MIGRANTS = "migrants", _("Inclusion of migrants and refugees")
        AIR_QUALITY = "air_quality", _("Air quality")
        URBAN_POVERTY = "urban_poverty", _("Urban poverty")
        JOBS_SKILLS = "jobs_skills", _("Jobs and skills in the local economy")
        CIRCULAR_ECONOMY = "circular_economy", _("Circular economy")
        CLIMATE_ADAPTATION = "climate_adaptation", _("Climate adaptation")
        ENERGY_TRANSITION = "energy_transition", _("Energy transition")
        URBAN_MOBILITY = "urban_mobility", _("Urban mobility")
        DIGITAL_TRANSITION = "digital_transition", _("Digital transition")
        PUBLIC_PROCUREMENT = "public_procurement", _("Innovative and responsible public procurement")
        LAND_USE = "land_use", _("Sustainable use of land and nature-based solutions")
        CULTURE_HERITAGE = "culture_heritage", _("Culture and cultural heritage")
        SECURITY = "security_public_spaces", _("Security in public spaces")

    class Status(models.TextChoices):
        PREPARING = "preparing", _("in preparation")
        ACTIVE = "active", _("active")
        COMPLETED = "completed", _("completed")

    theme = models.CharField(_("theme"), max_length=32, choices=Theme.choices)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE)
    action_plan_url = models.URLField(_("action plan"), blank=True, help_text=_("Link to the action plan."))
    contacts = models.ManyToManyField(
        Person, verbose_name=_("contact people"), related_name="partnerships", blank=True
    )

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["name"]
        indexes = [models.Index(fields=["status", "name"], name="partnership_status_idx")]

    @property
    def begins(self):
        return self.start_date


class CityDeal(Collaboration):
    """A Dutch City Deal (or Town Deal): cities, ministries and partners working on one goal."""

    url_name = "people:citydeal_detail"

    class Kind(models.TextChoices):
        CITY_DEAL = "city_deal", _("City Deal")
        TOWN_DEAL = "town_deal", _("Town Deal")

    class Phase(models.TextChoices):
        IDEA = "idea", _("idea phase")
        DEVELOPMENT = "development", _("in development")
        EXECUTION = "execution", _("in execution")
        COMPLETED = "completed", _("completed")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.CITY_DEAL)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    phase = models.CharField(_("phase"), max_length=16, choices=Phase.choices, default=Phase.IDEA)
    contacts = models.ManyToManyField(
        Person, verbose_name=_("contact people"), related_name="city_deals", blank=True
    )

    class Meta:
        verbose_name = _("City Deal")
        verbose_name_plural = _("City Deals")
        ordering = ["name"]
        indexes = [models.Index(fields=["phase", "name"], name="citydeal_phase_idx")]

    @property
    def begins(self):
        return self.signed_on


class InOneProgramme(models.Model):
    """Base of what belongs to exactly one partnership or City Deal (participations, milestones).

    The programme owns them: they go with it, and come back with it when it is recovered (revisions follow
    them). Subclasses put ``in_one_programme(name)`` among their ``Meta.constraints``.
    """

    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        related_name="%(class)ss",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    city_deal = models.ForeignKey(
        CityDeal,
        verbose_name=_("City Deal"),
        related_name="%(class)ss",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )

    class Meta:
        abstract = True

    @property
    def programme(self):
        """Return the partnership or City Deal this belongs to."""
        return self.partnership or self.city_deal


def in_one_programme(name):
    """Return the database check that an ``InOneProgramme`` row names exactly one programme."""
    return models.CheckConstraint(
        condition=models.Q(partnership__isnull=False, city_deal__isnull=True)
        | models.Q(partnership__isnull=True, city_deal__isnull=False),
        name=name,
    )


class Participation(InOneProgramme):
    """An organisation taking part in one partnership or City Deal, in one role, for a period."""

    class Role(models.TextChoices):
        # Not “city”, “ministry”: those words name other fields, with other Dutch words.
        COORDINATOR = "coordinator", _("coordinator")
        CITY = "city", _("participating city")
        MINISTRY = "ministry", _("participating ministry")
        PARTNER = "partner", _("partner")

        @classmethod
        def of(cls, organisation):
            """Return the role an organisation of its kind has when it is not a coordinator."""
            return ROLE_OF_KIND.get(organisation.kind, cls.PARTNER)

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), related_name="participations", on_delete=models.PROTECT
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.PARTNER)
    start_date = models.DateField(_("from"), null=True, blank=True, help_text=_("Empty: from the start."))
    end_date = models.DateField(_("until"), null=True, blank=True, help_text=_("Empty: to this day."))

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["role", "organisation__name"]
        constraints = [
            in_one_programme("participation_in_one_programme"),
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True)
                | models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="participation_period_in_order",
                violation_error_message=_("A participation cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["partnership", "organisation", "role"], name="participation_partnership_unique"
            ),
            models.UniqueConstraint(
                fields=["city_deal", "organisation", "role"], name="participation_city_deal_unique"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} — {self.programme} ({self.get_role_display()})"

    @property
    def period(self):
        """Return (from, until) of this participation: its own dates, else the programme's (None: open)."""
        programme = self.programme
        return (self.start_date or programme.begins, self.end_date or programme.end_date)


ROLE_OF_KIND = {
    Organisation.Kind.MUNICIPALITY: Participation.Role.CITY,
    Organisation.Kind.MINISTRY: Participation.Role.MINISTRY,
}

# How a programme's page groups its participants: one heading per role, in this order.
ROLE_HEADINGS = {
    Participation.Role.COORDINATOR: _("Coordinators"),
    Participation.Role.CITY: _("Cities"),
    Participation.Role.MINISTRY: _("Ministries"),
    Participation.Role.PARTNER: _("Other partners"),
}


PORTRAIT_RENDITIONS = RenditionSet("portrait", widths=[160, 320, 480], focus_field="portrait_focus").attach(
    Person, "portrait"
)
LOGO_RENDITIONS = RenditionSet("logo", widths=[160, 320], fallback="png").attach(Organisation, "logo")

# Revisions hold each object with its tag links (see ``NamedContent.tag_links``).
reversion.register(TaggedItem)
reversion.register(Participation)
for _model in (Person, Organisation):
    reversion.register(_model, follow=["tag_links"])
# Partnerships and City Deals with their participations; ``articles.models`` adds their milestones.
for _model in (Partnership, CityDeal):
    reversion.register(_model, follow=["tag_links", "participations"])

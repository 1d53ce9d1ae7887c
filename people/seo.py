"""JSON-LD of people and organisations (schema.org ``Person``, ``Organization``)."""

from core.seo import image_url

from .models import Organisation

GOVERNMENT = {Organisation.Kind.MINISTRY, Organisation.Kind.MUNICIPALITY, Organisation.Kind.PROVINCE}


def person_summary(request, person):
    data = {
        "@type": "Person",
        "name": person.name,
        "url": request.build_absolute_uri(person.get_absolute_url()),
    }
    if person.job_title:
        data["jobTitle"] = person.job_title
    if person.organisation:
        data["worksFor"] = {"@type": "Organization", "name": person.organisation.name}
    return data


def person(request, person):
    data = {"@context": "https://schema.org", **person_summary(request, person)}
    if person.bio:
        data["description"] = person.bio
    if picture := person.portrait_picture:
        data["image"] = image_url(request, picture)
    if person.website:
        data["sameAs"] = [person.website]
    return data


def organisation(request, organisation):
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization" if organisation.kind in GOVERNMENT else "Organization",
        "name": organisation.name,
        "url": request.build_absolute_uri(organisation.get_absolute_url()),
    }
    if organisation.description:
        data["description"] = organisation.description
    if organisation.website:
        data["sameAs"] = [organisation.website]
    if picture := organisation.logo_picture:
        data["logo"] = image_url(request, picture)
    if organisation.city:
        data["address"] = {
            "@type": "PostalAddress",
            "addressLocality": organisation.city,
            "addressCountry": organisation.country,
        }
    return data


def programme(request, collaboration):
    """Return a partnership or City Deal as a schema.org ``Project`` with its participating organisations."""
    members = collaboration.organisations()
    start = collaboration.begins
    data = {
        "@context": "https://schema.org",
        "@type": "Project",
        "name": collaboration.name,
        "url": request.build_absolute_uri(collaboration.get_absolute_url()),
    }
    if collaboration.description:
        data["description"] = collaboration.description
    if start:
        data["foundingDate"] = start.isoformat()
    if collaboration.website:
        data["sameAs"] = [collaboration.website]
    if members:
        data["member"] = [
            {
                "@type": "Organization",
                "name": organisation.name,
                "url": request.build_absolute_uri(organisation.get_absolute_url()),
            }
            for organisation in members
        ]
    return data

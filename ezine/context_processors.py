from django.conf import settings


def site(request):
    return {"ezine_name": settings.EZINE_NAME, "ezine_tagline": settings.EZINE_TAGLINE}

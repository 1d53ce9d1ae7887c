from bs4 import BeautifulSoup


def parse(response):
    """Return the parsed HTML of a response."""
    return BeautifulSoup(response.content.decode(), "html.parser")


def links(response):
    return [a["href"] for a in parse(response).select("a[href]")]

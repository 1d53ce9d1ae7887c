from bs4 import BeautifulSoup


def parse(response):
    """Return the parsed HTML of a response."""
    return BeautifulSoup(response.content.decode(), "html.parser")


def links(response):
    return [a["href"] for a in parse(response).select("a[href]")]


def form_data(response, form_selector="form"):
    """Return what a browser would submit for the form in ``response``, without files or buttons."""
    form = parse(response).select_one(form_selector)
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if field.name == "textarea":
            data[name] = field.get_text()
        elif field.name == "select":
            selected = [option.get("value", option.get_text()) for option in field.select("option[selected]")]
            if field.has_attr("multiple"):
                data[name] = selected
            elif selected:
                data[name] = selected[0]
            elif first := field.select_one("option"):
                data[name] = first.get("value", first.get_text())
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.get("type") not in ("file", "submit", "button", "image", "reset"):
            data[name] = field.get("value", "")
    return data

from django import forms
from django.utils.translation import gettext_lazy as _

from .query import MAX_QUERY_LENGTH, kinds


class SearchForm(forms.Form):
    """The search page's parameters. Any input is accepted: what does not validate is ignored."""

    q = forms.CharField(label=_("Search for"), required=False)
    soort = forms.ChoiceField(label=_("Kind"), required=False)
    tag = forms.SlugField(label=_("Topic"), required=False)
    jaar = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2999)

    def __init__(self, data=None, **kwargs):
        if data is not None:
            data = data.copy()
            # A NUL byte would invalidate the whole query; the analyser treats it as a space anyway.
            data["q"] = data.get("q", "")[: MAX_QUERY_LENGTH * 10].replace("\x00", " ")
        super().__init__(data, **kwargs)
        self.fields["soort"].choices = [("", _("All kinds")), *kinds()]

    def value(self, name):
        """Return the cleaned value of ``name``, or None when it is empty or did not validate."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name) or None

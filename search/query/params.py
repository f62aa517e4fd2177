"""Reading a search request's parameters, with a clear message for every invalid one."""

from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext_lazy as _

from .facets import FACETS

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20
# Engines refuse to page past 10,000 hits; nobody reads that far either.
MAX_PAGE = 10_000 // PAGE_SIZE
SORTS = {"relevance": _("Relevance"), "date": _("Date, newest first")}


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    filters: dict = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    #: Only these page ids, or None for every page: an alert asks which of the pages changed
    #: since its last digest match the search (a day's or a week's changes, a short list).
    among: frozenset | None = None
    #: Pages with any of the words rather than all of them, those with more of them first.
    any_word: bool = False

    def selected(self, facet_name):
        return self.filters.get(facet_name, [])


class FacetField(forms.MultipleChoiceField):
    """Several values of one facet; the choices are read when the form is made."""

    def __init__(self, facet, **kwargs):
        self.facet = facet
        super().__init__(required=False, label=facet.label, **kwargs)

    def valid_value(self, value):
        return value in self.facet.known_values()


class SearchForm(forms.Form):
    q = forms.CharField(
        required=False,
        max_length=MAX_QUERY_LENGTH,
        label=_("Search term"),
        error_messages={
            "max_length": _("The search may be at most %(limit_value)d characters long."),
        },
    )
    sort = forms.ChoiceField(required=False, choices=list(SORTS.items()), label=_("Sort"))
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        label=_("Page"),
        error_messages={"invalid": _("The page must be a whole number.")},
    )

    def __init__(self, data, **kwargs):
        super().__init__(data, **kwargs)
        for facet in FACETS:
            self.fields[facet.name] = FacetField(
                facet,
                error_messages={
                    "invalid_choice": _("Unknown value for %(facet)s: %%(value)s.")
                    % {"facet": str(facet.label).lower()}
                },
            )

    def params(self):
        data = self.cleaned_data
        return SearchParams(
            q=" ".join(data["q"].split()),
            filters={f.name: list(dict.fromkeys(data[f.name])) for f in FACETS if data[f.name]},
            sort=data["sort"] or "relevance",
            page=data["page"] or 1,
        )

    def error_messages(self):
        """{parameter: [message, …]} for the errors in this request."""
        return {
            name: [str(message) for message in messages] for name, messages in self.errors.items()
        }


PARAMETERS = {"q", "sort", "page", *(facet.name for facet in FACETS)}


def unknown_parameters(query_dict):
    return sorted(set(query_dict) - PARAMETERS)

"""StreamField blocks for page bodies and the strategy's structured content."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock, EmbedValue
from wagtail.embeds.finders import get_finders
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page
from wagtail.snippets.blocks import SnippetChooserBlock

from .visibility import visible_to

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))], default="h2", label=_("Level")
    )

    class Meta:
        icon = "title"
        template = "strategy_pages/blocks/heading.html"
        label = _("Heading")
        description = _("A subheading that divides the text.")
        preview_value = {"text": "Internationellt samarbete", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, label=_("Source"))

    class Meta:
        icon = "openquote"
        template = "strategy_pages/blocks/quote.html"
        label = _("Quote")
        description = _("A quote with its source.")
        preview_value = {"quote": "Ett Stockholm för alla.", "attribution": "Vision 2040"}


class FactBoxBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))

    class Meta:
        icon = "info-circle"
        template = "strategy_pages/blocks/fact_box.html"
        label = _("Fact box")
        description = _("A separate box of facts, e.g. the budget or contact details.")
        preview_value = {"heading": "Fakta", "text": "<p>Projektet pågår 2016–2018.</p>"}


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("Heading"))
    documents = blocks.ListBlock(DocumentChooserBlock(), label=_("Documents"))

    class Meta:
        icon = "doc-full"
        template = "strategy_pages/blocks/document_list.html"
        label = _("Document list")
        description = _("Links to attached documents.")


class NetworkRepresentationBlock(blocks.StructBlock):
    """Which committees and companies are represented in the information-sharing network,
    read from the committees' own data so the page never goes out of date."""

    heading = blocks.CharBlock(required=False, label=_("Heading"))

    class Meta:
        icon = "group"
        template = "strategy_pages/blocks/network_representation.html"
        label = _("Representation in the network")
        description = _(
            "Which committees and companies have a representative in the network, which are "
            "proposed and which are missing, with mandates and contacts."
        )
        preview_value = {"heading": ""}

    def get_context(self, value, parent_context=None):
        # Imported here: the models import this module.
        from .follow_up.network import committee_page_urls, network_coverage  # noqa: PLC0415

        context = super().get_context(value, parent_context=parent_context)
        coverage = network_coverage()
        committees = [c for group in coverage.groups for c in group.committees]
        urls = committee_page_urls(committees, (parent_context or {}).get("request"))
        for committee in committees:
            committee.page_url = urls.get(committee.pk, "")
        context["coverage"] = coverage
        return context


class VideoBlock(EmbedBlock):
    """A video from a service Wagtail can embed (YouTube, Vimeo…), shown as a link if the
    service cannot be reached when the page is shown."""

    class Meta:
        icon = "media"
        template = "strategy_pages/blocks/video.html"
        label = _("Video")
        description = _("A video from YouTube, Vimeo or another video service.")

    def clean(self, value):
        # Checked against the services' address patterns, not by asking the service: an import
        # or an editor offline must not fail because the service was out of reach.
        if isinstance(value, EmbedValue) and not any(f.accept(value.url) for f in get_finders()):
            raise ValidationError(_("This address is not from a video service that can be shown."))
        return blocks.URLBlock.clean(self, value)


class DataTableBlock(TableBlock):
    """A table of text, e.g. figures by year; its first row may be the column headings."""

    class Meta:
        icon = "table"
        template = "strategy_pages/blocks/table.html"
        label = _("Table")
        description = _("A table of figures or facts, with column headings.")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        label=_("Paragraph"),
        template="strategy_pages/blocks/paragraph.html",
        description=_("Body text with links and lists."),
        preview_value="<p>Staden arbetar för ett Stockholm för alla.</p>",
    )
    image = ImageBlock(
        label=_("Image"),
        template="strategy_pages/blocks/image.html",
        description=_("An image with required alternative text."),
    )
    quote = QuoteBlock()
    fact_box = FactBoxBlock()
    documents = DocumentListBlock()
    table = DataTableBlock()
    embed = VideoBlock()
    network_representation = NetworkRepresentationBlock()

    class Meta:
        template = "strategy_pages/blocks/body.html"


class GoalBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Goal"))
    dimension = blocks.ChoiceBlock(
        choices=[
            ("social", _("Socially sustainable")),
            ("economic", _("Economically sustainable")),
            ("ecological", _("Ecologically sustainable")),
            ("democratic", _("Democratically sustainable")),
        ],
        label=_("Budget orientation goal"),
    )
    description = blocks.TextBlock(required=False, label=_("Description"))
    sustainability_dimension = SnippetChooserBlock(
        "strategy_pages.SustainabilityDimension",
        required=False,
        label=_("Projects' sustainability dimension"),
        help_text=_("The projects and news with it are counted and linked under the goal."),
    )

    class Meta:
        icon = "success"
        template = "strategy_pages/blocks/goal.html"
        label = _("Overall goal")
        description = _("An overall goal linked to the budget's orientation goals.")
        preview_value = {"title": "Ett Stockholm för alla", "dimension": "social"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        choices = dict(self.child_blocks["dimension"].field.choices)
        context["dimension_label"] = choices.get(value["dimension"], "")
        dimension = value.get("sustainability_dimension")
        counts = (parent_context or {}).get("dimension_counts", {})
        if dimension is not None and dimension.pk in counts:
            context["served_by"] = counts[dimension.pk]
        return context


class ResponsibilityBlock(blocks.StructBlock):
    actor = blocks.CharBlock(label=_("Who"))
    responsibility = blocks.TextBlock(label=_("Responsibility"))

    class Meta:
        icon = "group"
        template = "strategy_pages/blocks/responsibility.html"
        label = _("Responsibility")
        description = _("Who is responsible for what in the international work.")
        preview_value = {"actor": "Stadsledningskontoret", "responsibility": "Samordnar nätverket."}


class MilestoneBlock(blocks.StructBlock):
    year = blocks.IntegerBlock(min_value=1900, max_value=2100, label=_("Year"))
    event = blocks.TextBlock(label=_("Event"))

    class Meta:
        icon = "date"
        template = "strategy_pages/blocks/milestone.html"
        label = _("Milestone")
        description = _("A milestone in the strategy's history.")
        preview_value = {"year": 2008, "event": "Kommunfullmäktige antar riktlinjer."}


class PartnerBlock(blocks.StructBlock):
    organisation = blocks.CharBlock(label=_("Organisation"))
    city = blocks.CharBlock(required=False, label=_("City"))
    country = blocks.CharBlock(label=_("Country"))

    class Meta:
        icon = "globe"
        template = "strategy_pages/blocks/partner.html"
        label = _("Partner")
        description = _("An international partner in the project.")
        preview_value = {
            "organisation": "Förskoleförvaltningen",
            "city": "Helsingfors",
            "country": "Finland",
        }


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Link text"))
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        template = "strategy_pages/blocks/link.html"
        label = _("Link")
        description = _("A link, e.g. to an EU programme or a partner's website.")
        preview_value = {"title": "Erasmus+", "url": "https://erasmus-plus.ec.europa.eu/"}


class GalleryImageBlock(ImageBlock):
    class Meta:
        template = "strategy_pages/blocks/gallery_image.html"
        label = _("Image")
        description = _("An image in the project's gallery, with alternative text.")


class RelatedContentBlock(blocks.StreamBlock):
    """Pages and documents a reader may want next, e.g. Plone's related items."""

    page = blocks.PageChooserBlock(
        label=_("Page"), description=_("Another page on the intranet."), icon="doc-empty"
    )
    document = DocumentChooserBlock(
        label=_("Document"), description=_("An attached document."), icon="doc-full"
    )

    class Meta:
        template = "strategy_pages/blocks/related_content.html"

    def get_context(self, value, parent_context=None):
        """Only pages the reader may see are listed (`visible_page_ids`)."""
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        ids = [child.value.pk for child in value if child.block_type == "page" and child.value]
        pages = Page.objects.filter(pk__in=ids)
        context["visible_page_ids"] = set(
            (visible_to(pages, request) if request else pages.live()).values_list("pk", flat=True)
        )
        return context

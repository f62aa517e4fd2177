"""StreamField blocks for page bodies and the strategy's structured content."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Rubrik"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Rubrik 2")), ("h3", _("Rubrik 3"))], default="h2", label=_("Nivå")
    )

    class Meta:
        icon = "title"
        template = "strategy_pages/blocks/heading.html"
        label = _("Rubrik")
        description = _("En mellanrubrik som delar upp texten.")
        preview_value = {"text": "Internationellt samarbete", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Citat"))
    attribution = blocks.CharBlock(required=False, label=_("Källa"))

    class Meta:
        icon = "openquote"
        template = "strategy_pages/blocks/quote.html"
        label = _("Citat")
        description = _("Ett citat med källa.")
        preview_value = {"quote": "Ett Stockholm för alla.", "attribution": "Vision 2040"}


class FactBoxBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Rubrik"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))

    class Meta:
        icon = "info-circle"
        template = "strategy_pages/blocks/fact_box.html"
        label = _("Faktaruta")
        description = _("En avgränsad ruta med fakta, t.ex. budget eller kontaktuppgifter.")
        preview_value = {"heading": "Fakta", "text": "<p>Projektet pågår 2016–2018.</p>"}


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("Rubrik"))
    documents = blocks.ListBlock(DocumentChooserBlock(), label=_("Dokument"))

    class Meta:
        icon = "doc-full"
        template = "strategy_pages/blocks/document_list.html"
        label = _("Dokumentlista")
        description = _("Länkar till bifogade dokument.")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        label=_("Stycke"),
        template="strategy_pages/blocks/paragraph.html",
        description=_("Brödtext med länkar och listor."),
        preview_value="<p>Staden arbetar för ett Stockholm för alla.</p>",
    )
    image = ImageBlock(
        label=_("Bild"),
        template="strategy_pages/blocks/image.html",
        description=_("En bild med obligatorisk alternativtext."),
    )
    quote = QuoteBlock()
    fact_box = FactBoxBlock()
    documents = DocumentListBlock()

    class Meta:
        template = "strategy_pages/blocks/body.html"


class GoalBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Mål"))
    dimension = blocks.ChoiceBlock(
        choices=[
            ("social", _("Socialt hållbar")),
            ("economic", _("Ekonomiskt hållbar")),
            ("ecological", _("Ekologiskt hållbar")),
            ("democratic", _("Demokratiskt hållbar")),
        ],
        label=_("Budgetens inriktningsmål"),
    )
    description = blocks.TextBlock(required=False, label=_("Beskrivning"))

    class Meta:
        icon = "success"
        template = "strategy_pages/blocks/goal.html"
        label = _("Övergripande mål")
        description = _("Ett övergripande mål kopplat till budgetens inriktningsmål.")
        preview_value = {"title": "Ett Stockholm för alla", "dimension": "social"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        choices = dict(self.child_blocks["dimension"].field.choices)
        context["dimension_label"] = choices.get(value["dimension"], "")
        return context


class ResponsibilityBlock(blocks.StructBlock):
    actor = blocks.CharBlock(label=_("Vem"))
    responsibility = blocks.TextBlock(label=_("Ansvar"))

    class Meta:
        icon = "group"
        template = "strategy_pages/blocks/responsibility.html"
        label = _("Ansvar")
        description = _("Vem som ansvarar för vad i det internationella arbetet.")
        preview_value = {"actor": "Stadsledningskontoret", "responsibility": "Samordnar nätverket."}


class MilestoneBlock(blocks.StructBlock):
    year = blocks.IntegerBlock(min_value=1900, max_value=2100, label=_("År"))
    event = blocks.TextBlock(label=_("Händelse"))

    class Meta:
        icon = "date"
        template = "strategy_pages/blocks/milestone.html"
        label = _("Händelse")
        description = _("En milstolpe i strategins historik.")
        preview_value = {"year": 2008, "event": "Kommunfullmäktige antar riktlinjer."}


class PartnerBlock(blocks.StructBlock):
    organisation = blocks.CharBlock(label=_("Organisation"))
    city = blocks.CharBlock(required=False, label=_("Stad"))
    country = blocks.CharBlock(label=_("Land"))

    class Meta:
        icon = "globe"
        template = "strategy_pages/blocks/partner.html"
        label = _("Partner")
        description = _("En internationell partner i projektet.")
        preview_value = {
            "organisation": "Förskoleförvaltningen",
            "city": "Helsingfors",
            "country": "Finland",
        }


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Länktext"))
    url = blocks.URLBlock(label=_("Adress"))

    class Meta:
        icon = "link"
        template = "strategy_pages/blocks/link.html"
        label = _("Länk")
        description = _("En länk, t.ex. till ett EU-program eller en partners webbplats.")
        preview_value = {"title": "Erasmus+", "url": "https://erasmus-plus.ec.europa.eu/"}


class GalleryImageBlock(ImageBlock):
    class Meta:
        template = "strategy_pages/blocks/gallery_image.html"
        label = _("Bild")
        description = _("En bild i projektets bildgalleri, med alternativtext.")


class RelatedContentBlock(blocks.StreamBlock):
    """Pages and documents a reader may want next, e.g. Plone's related items."""

    page = blocks.PageChooserBlock(
        label=_("Sida"), description=_("En annan sida på intranätet."), icon="doc-empty"
    )
    document = DocumentChooserBlock(
        label=_("Dokument"), description=_("Ett bifogat dokument."), icon="doc-full"
    )

    class Meta:
        template = "strategy_pages/blocks/related_content.html"

"""Factories for the content model; every test builds the data it needs."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from strategy_pages import models


class CommitteeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Testnämnd {n}")
    slug = factory.Sequence(lambda n: f"testnamnd-{n}")
    kind = models.CommitteeKind.DISTRICT

    class Meta:
        model = models.Committee
        django_get_or_create = ("slug",)


class ThemeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")

    class Meta:
        model = models.Theme
        django_get_or_create = ("slug",)


class OrientationFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Inriktning {n}")
    slug = factory.Sequence(lambda n: f"inriktning-{n}")

    class Meta:
        model = models.Orientation
        django_get_or_create = ("slug",)


class DimensionFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Dimension {n}")
    slug = factory.Sequence(lambda n: f"dimension-{n}")

    class Meta:
        model = models.SustainabilityDimension
        django_get_or_create = ("slug",)


class IntranetPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Sida {n}")
    slug = factory.LazyAttributeSequence(lambda o, n: f"sida-{n}")

    class Meta:
        abstract = True


class HomePageFactory(IntranetPageFactory):
    title = "Internationellt arbete"

    class Meta:
        model = models.IntranetHomePage


class StrategyPageFactory(IntranetPageFactory):
    title = "Internationell strategi"
    slug = "strategi"

    class Meta:
        model = models.StrategyPage


class OrientationPageFactory(IntranetPageFactory):
    purpose = "Syftet med inriktningen."
    orientation = factory.SubFactory(OrientationFactory)
    title = factory.LazyAttribute(lambda o: o.orientation.name)
    slug = factory.LazyAttribute(lambda o: o.orientation.slug)

    class Meta:
        model = models.OrientationPage


class NewsIndexPageFactory(IntranetPageFactory):
    title = "Nyheter"
    slug = "nyheter"

    class Meta:
        model = models.NetworkNewsIndexPage


class ShowcaseIndexPageFactory(IntranetPageFactory):
    title = "Projekt"
    slug = "projekt"

    class Meta:
        model = models.ShowcaseIndexPage


class CommitteeIndexPageFactory(IntranetPageFactory):
    title = "Nämnder och bolag"
    slug = "namnder"

    class Meta:
        model = models.CommitteeIndexPage


class CommitteePageFactory(IntranetPageFactory):
    committee = factory.SubFactory(CommitteeFactory)
    title = factory.LazyAttribute(lambda o: o.committee.name)
    slug = factory.LazyAttribute(lambda o: o.committee.slug)

    class Meta:
        model = models.CommitteePage


def _setter(relation):
    """A post-generation hook that gives a saved page its classifications; modelcluster
    writes parental many-to-many relations on save."""

    def set_relation(page, create, values, **kwargs):
        if values:
            getattr(page, relation).set(values)
            page.save()

    return set_relation


class ClassifiedPageFactory(IntranetPageFactory):
    summary = "En kort sammanfattning."

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    orientations = factory.PostGeneration(_setter("orientations"))
    themes = factory.PostGeneration(_setter("themes"))
    dimensions = factory.PostGeneration(_setter("dimensions"))


class NewsPageFactory(ClassifiedPageFactory):
    title = factory.Sequence(lambda n: f"Nyhet {n}")
    slug = factory.Sequence(lambda n: f"nyhet-{n}")
    date = datetime.date(2016, 9, 1)

    class Meta:
        model = models.NetworkNewsPage


class ShowcasePageFactory(ClassifiedPageFactory):
    title = factory.Sequence(lambda n: f"Projekt {n}")
    slug = factory.Sequence(lambda n: f"projekt-{n}")
    status = models.ShowcaseStatus.ONGOING
    start_date = datetime.date(2016, 1, 1)

    class Meta:
        model = models.ProjectShowcasePage


class ConsultationResponsePageFactory(IntranetPageFactory):
    title = factory.Sequence(lambda n: f"Remissvar {n}")
    slug = factory.Sequence(lambda n: f"remissvar-{n}")
    consultation_title = "Internationell strategi för Stockholms stad"
    consultation_registry_number = "171-482/2016"

    class Meta:
        model = models.ConsultationResponsePage


class SectionPageFactory(IntranetPageFactory):
    title = factory.Sequence(lambda n: f"Avsnitt {n}")
    slug = factory.Sequence(lambda n: f"avsnitt-{n}")

    class Meta:
        model = models.SectionPage


class ContentPageFactory(ClassifiedPageFactory):
    title = factory.Sequence(lambda n: f"Informationssida {n}")
    slug = factory.Sequence(lambda n: f"informationssida-{n}")

    class Meta:
        model = models.ContentPage


class EventPageFactory(ClassifiedPageFactory):
    title = factory.Sequence(lambda n: f"Evenemang {n}")
    slug = factory.Sequence(lambda n: f"evenemang-{n}")
    start = datetime.datetime(2016, 10, 3, 16, 0, tzinfo=datetime.UTC)
    end = datetime.datetime(2016, 10, 3, 17, 30, tzinfo=datetime.UTC)

    class Meta:
        model = models.EventPage


class CalendarPageFactory(IntranetPageFactory):
    title = "Kalender"
    slug = factory.Sequence(lambda n: f"kalender-{n}")

    class Meta:
        model = models.CalendarPage


class FollowUpPageFactory(IntranetPageFactory):
    title = "Uppföljning av strategin"
    slug = factory.Sequence(lambda n: f"uppfoljning-{n}")

    class Meta:
        model = models.FollowUpPage


class LinkPageFactory(IntranetPageFactory):
    title = factory.Sequence(lambda n: f"Länk {n}")
    slug = factory.Sequence(lambda n: f"lank-{n}")
    link_url = "https://start.stockholm/"

    class Meta:
        model = models.LinkPage

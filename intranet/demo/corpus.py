"""A large, deterministic corpus of showcases and news across all committees, for benchmarks."""

import datetime
import random

from django.db import transaction

from strategy_pages.models import (
    CommitteePage,
    NetworkNewsIndexPage,
    NetworkNewsPage,
    Orientation,
    ProjectShowcasePage,
    ShowcaseStatus,
    SustainabilityDimension,
    Theme,
)

from .images import ensure_image

PREFIX = "korpus"
ACTIVITIES = [
    "Erfarenhetsutbyte",
    "Studiebesök",
    "Benchmarking",
    "Forskningssamarbete",
    "Kompetensutbyte",
    "Omvärldsbevakning",
    "EU-projekt",
    "Nätverksträff",
]
TOPICS = [
    "förskolan",
    "äldreomsorgen",
    "demokratiutveckling",
    "unga flickors psykiska ohälsa",
    "kulturella näringar",
    "klimatanpassning",
    "trafiksäkerhet",
    "bostadsbyggande",
    "arbetsmarknadsinsatser",
    "digitalisering",
    "integration",
    "social omsorg",
]
CITIES = [
    ("Helsingfors", "Finland"),
    ("Oslo", "Norge"),
    ("Köpenhamn", "Danmark"),
    ("Berlin", "Tyskland"),
    ("Tallinn", "Estland"),
    ("Amsterdam", "Nederländerna"),
    ("Barcelona", "Spanien"),
    ("Wien", "Österrike"),
    ("Riga", "Lettland"),
]
IMAGE_POOL = 12
BATCH = 250


class CorpusGenerator:
    def __init__(self, seed=2040):
        self.rng = random.Random(seed)  # noqa: S311 - reproducible data, not security
        self.sections = list(CommitteePage.objects.select_related("committee").order_by("pk"))
        self.news_index = NetworkNewsIndexPage.objects.get()
        self.orientations = list(Orientation.objects.all())
        self.dimensions = list(SustainabilityDimension.objects.all())
        self.themes = list(Theme.objects.all())
        self.images = [
            ensure_image(f"Korpusbild {n}", f"korpusbild-{n}") for n in range(IMAGE_POOL)
        ]

    def generate(self, model, total, create_one, progress=None):
        existing = model.objects.filter(slug__startswith=f"{PREFIX}-").count()
        for start in range(existing, total, BATCH):
            with transaction.atomic():
                for number in range(start, min(start + BATCH, total)):
                    create_one(number)
            if progress:
                progress(min(start + BATCH, total))
        return max(total - existing, 0)

    def _classified(self, number):
        rng = random.Random(number)  # noqa: S311 - each item the same on every run
        activity, topic = rng.choice(ACTIVITIES), rng.choice(TOPICS)
        city, country = rng.choice(CITIES)
        image, alt_text = self.images[number % IMAGE_POOL]
        section = self.sections[number % len(self.sections)]
        fields = {
            "title": f"{activity} om {topic} med {city}",
            "slug": f"{PREFIX}-{number}",
            "summary": f"{section.committee.name} samarbetar med {city} i {country} om {topic}.",
            "committee": section.committee,
            "image": image,
            "image_alt": alt_text,
            "body": [
                ("paragraph", f"<p>{activity} om {topic} tillsammans med partner i {city}.</p>")
            ],
        }
        relations = {
            "orientations": rng.sample(self.orientations, rng.randint(1, 2)),
            "dimensions": rng.sample(self.dimensions, rng.randint(1, 2)),
            "themes": rng.sample(self.themes, rng.randint(0, 2)),
        }
        return rng, section, fields, relations

    def create_showcase(self, number):
        rng, section, fields, relations = self._classified(number)
        start = datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 8))
        status = rng.choice(ShowcaseStatus.values)
        page = ProjectShowcasePage(
            **fields,
            status=status,
            start_date=start,
            end_date=start + datetime.timedelta(days=rng.randrange(180, 900))
            if status == ShowcaseStatus.COMPLETED
            else None,
        )
        self._add(section, page, relations)

    def create_news(self, number):
        rng, _section, fields, relations = self._classified(number)
        date = datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 8))
        self._add(self.news_index, NetworkNewsPage(**fields, date=date), relations)

    @staticmethod
    def _add(parent, page, relations):
        for name, values in relations.items():
            setattr(page, name, values)
        parent.add_child(instance=page)

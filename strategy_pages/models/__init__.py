"""The content model: organisations and classifications first, then the page types."""

from .taxonomy import (  # isort: skip
    Committee,
    CommitteeKind,
    NetworkRepresentation,
    Orientation,
    ShowcaseStatus,
    SustainabilityDimension,
    Theme,
)
from .base import CommitteeOwnedPage, IllustratedPage, IntranetPage  # isort: skip
from .classification import ClassifiedPage
from .committees import CommitteeIndexPage, CommitteePage
from .consultations import ConsultationResponsePage
from .home import IntranetHomePage
from .news import NetworkNewsIndexPage, NetworkNewsPage
from .showcases import ProjectShowcasePage, ShowcaseIndexPage
from .strategy import OrientationPage, StrategyPage

__all__ = [
    "ClassifiedPage",
    "Committee",
    "CommitteeIndexPage",
    "CommitteeKind",
    "CommitteeOwnedPage",
    "CommitteePage",
    "ConsultationResponsePage",
    "IllustratedPage",
    "IntranetHomePage",
    "IntranetPage",
    "NetworkNewsIndexPage",
    "NetworkNewsPage",
    "NetworkRepresentation",
    "Orientation",
    "OrientationPage",
    "ProjectShowcasePage",
    "ShowcaseIndexPage",
    "ShowcaseStatus",
    "StrategyPage",
    "SustainabilityDimension",
    "Theme",
]

"""Demo images drawn locally with Pillow, so the demo needs no network, fonts or binary assets.

Each item gets a drawing of what it is about, picked from words in its title: a harbour, a
school, wind power and trees, a museum, a network of cities, a meeting, or else the city's
skyline. The drawings are made by this code and free to use (CC0); the alt text says what
each shows.
"""

import math
import random
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

SIZE = WIDTH, HEIGHT = (1200, 675)
# (Swedish colour name for the alt text, sky top, sky bottom, ink)
PALETTE = [
    ("blått", (11, 59, 117), (47, 122, 192), (7, 30, 60)),
    ("rött", (164, 18, 63), (224, 87, 111), (70, 10, 28)),
    ("grönt", (19, 94, 43), (79, 163, 106), (8, 45, 20)),
    ("gult", (107, 71, 0), (201, 142, 28), (50, 33, 0)),
]
LIGHT = (255, 236, 179)
WATER = (24, 78, 140)


def ensure_image(title, slug):
    """Return the demo image with this title and its alt text, drawing it the first time."""
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).first()
    motif = motif_for(f"{slug} {title}")
    if image is None:
        file = ImageFile(draw(motif, slug), name=f"{slug}.jpg")
        image = image_model.objects.create(title=title, file=file)
    return image, alt_text(motif, slug)


def motif_for(text):
    text = text.lower()
    for motif, words in MOTIF_WORDS:
        if any(word in text for word in words):
            return motif
    return "skyline"


def alt_text(motif, seed):
    return MOTIFS[motif][0].format(colour=_drawing(seed)[1][0])


def draw(motif, seed):
    """The motif drawn in the seed's colours, as JPEG bytes; the same on every run."""
    rng, (_colour, top, bottom, ink) = _drawing(seed)
    image = PILImage.new("RGB", SIZE, top)
    canvas = ImageDraw.Draw(image)
    _sky(canvas, top, bottom)
    MOTIFS[motif][1](canvas, rng, ink, far=_between(ink, bottom))
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=82)
    return buffer


def draw_skyline(seed):
    return draw("skyline", seed)


def _drawing(seed):
    """The seed's random sequence and its palette entry."""
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    return rng, PALETTE[rng.randrange(len(PALETTE))]


def _between(a, b):
    return tuple((x + y) // 2 for x, y in zip(a, b, strict=True))


def _sky(canvas, top, bottom):
    for y in range(HEIGHT):
        mix = y / HEIGHT
        colour = tuple(round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True))
        canvas.line([(0, y), (WIDTH, y)], fill=colour)


def _sun(canvas, rng, radius=70):
    x = rng.randrange(150, WIDTH - 150)
    canvas.ellipse([x - radius, 120, x + radius, 120 + 2 * radius], fill=LIGHT)


def _skyline(canvas, rng, ink, base=HEIGHT, tallest=420):
    x = 0
    while x < WIDTH:
        width, height = rng.randrange(60, 160), rng.randrange(120, tallest)
        canvas.rectangle([x, base - height, x + width, base], fill=ink)
        if rng.random() < 0.3:
            roof = [
                (x, base - height),
                (x + width // 2, base - height - 60),
                (x + width, base - height),
            ]
            canvas.polygon(roof, fill=ink)
        x += width + rng.randrange(0, 20)


def _city(canvas, rng, ink, far=None):
    _sun(canvas, rng)
    _skyline(canvas, rng, ink)


def _harbour(canvas, rng, ink, far=None):
    _sun(canvas, rng)
    waterline = HEIGHT - 190
    _skyline(canvas, rng, far or ink, base=waterline, tallest=200)
    canvas.rectangle([0, waterline, WIDTH, HEIGHT], fill=WATER)
    for y in range(waterline + 20, HEIGHT, 28):
        canvas.line([(rng.randrange(0, 200), y), (rng.randrange(900, WIDTH), y)], fill=LIGHT)
    bow = rng.randrange(250, 500)
    hull = [(bow, waterline - 70), (bow + 560, waterline - 70), (bow + 500, waterline + 10)]
    canvas.polygon([*hull, (bow + 40, waterline + 10)], fill=ink)
    canvas.rectangle([bow + 330, waterline - 170, bow + 470, waterline - 70], fill=ink)
    canvas.rectangle([bow + 380, waterline - 230, bow + 420, waterline - 170], fill=ink)
    for window in range(bow + 345, bow + 460, 30):
        canvas.rectangle([window, waterline - 150, window + 15, waterline - 135], fill=LIGHT)
    canvas.line([(bow + 60, waterline - 70), (bow + 60, waterline - 300)], fill=ink, width=12)
    canvas.line([(bow + 60, waterline - 300), (bow + 260, waterline - 220)], fill=ink, width=8)


def _school(canvas, rng, ink, far=None):
    _sun(canvas, rng, radius=55)
    ground = HEIGHT - 90
    canvas.rectangle([0, ground, WIDTH, HEIGHT], fill=ink)
    left, right = 260, 940
    canvas.rectangle([left, ground - 300, right, ground], fill=ink)
    canvas.polygon(
        [(left - 30, ground - 300), (600, ground - 420), (right + 30, ground - 300)], fill=ink
    )
    for row in (ground - 260, ground - 170):
        for x in range(left + 40, right - 40, 90):
            canvas.rectangle([x, row, x + 50, row + 60], fill=LIGHT)
    canvas.rectangle([570, ground - 90, 630, ground], fill=LIGHT)
    canvas.line([(980, ground), (980, ground - 330)], fill=ink, width=6)
    canvas.rectangle([984, ground - 330, 1070, ground - 280], fill=LIGHT)
    for x in range(80, 240, 60):
        _person(canvas, x, ground, ink)


def _person(canvas, x, ground, ink):
    canvas.ellipse([x - 14, ground - 110, x + 14, ground - 82], fill=LIGHT)
    canvas.rectangle([x - 16, ground - 78, x + 16, ground - 20], fill=LIGHT)
    canvas.rectangle([x - 14, ground - 20, x - 4, ground], fill=LIGHT)
    canvas.rectangle([x + 4, ground - 20, x + 14, ground], fill=LIGHT)


def _climate(canvas, rng, ink, far=None):
    _sun(canvas, rng)
    canvas.ellipse([-300, HEIGHT - 220, 700, HEIGHT + 300], fill=ink)
    canvas.ellipse([450, HEIGHT - 180, 1500, HEIGHT + 300], fill=ink)
    for x in (rng.randrange(180, 320), rng.randrange(560, 700), rng.randrange(880, 1050)):
        hub = (x, HEIGHT - 420)
        canvas.line([hub, (x, HEIGHT - 150)], fill=LIGHT, width=10)
        for dx, dy in ((0, -150), (130, 75), (-130, 75)):
            canvas.line([hub, (x + dx, hub[1] + dy)], fill=LIGHT, width=8)
        canvas.ellipse([x - 12, hub[1] - 12, x + 12, hub[1] + 12], fill=LIGHT)
    for x in range(40, WIDTH, 140):
        base = HEIGHT - rng.randrange(40, 110)
        canvas.polygon([(x, base), (x + 40, base - 120), (x + 80, base)], fill=LIGHT)


def _culture(canvas, rng, ink, far=None):
    _sun(canvas, rng, radius=50)
    ground = HEIGHT - 70
    canvas.rectangle([0, ground, WIDTH, HEIGHT], fill=ink)
    canvas.rectangle([220, ground - 40, 980, ground], fill=ink)
    canvas.polygon([(200, ground - 360), (600, ground - 500), (1000, ground - 360)], fill=ink)
    canvas.rectangle([220, ground - 380, 980, ground - 340], fill=ink)
    for x in range(260, 960, 100):
        canvas.rectangle([x, ground - 340, x + 44, ground - 40], fill=LIGHT)


def _network(canvas, rng, ink, far=None):
    centre_x, centre_y, radius = WIDTH // 2, HEIGHT // 2, 230
    cities = [(rng.randrange(80, WIDTH - 80), rng.randrange(80, HEIGHT - 80)) for _ in range(14)]
    for a, b in zip(cities, cities[3:] + cities[:3], strict=True):
        canvas.line([a, b], fill=LIGHT, width=3)
    for x, y in cities:
        canvas.ellipse([x - 14, y - 14, x + 14, y + 14], fill=ink, outline=LIGHT, width=4)
    for star in range(12):
        angle = star * 30
        x, y = _on_circle(centre_x, centre_y, radius, angle)
        _star(canvas, x, y, 22)


def _on_circle(x, y, radius, degrees):
    radians = math.radians(degrees)
    return x + radius * math.cos(radians), y + radius * math.sin(radians)


def _star(canvas, x, y, size):
    points = [_on_circle(x, y, size if n % 2 == 0 else size * 0.45, n * 36 - 90) for n in range(10)]
    canvas.polygon(points, fill=LIGHT)


def _meeting(canvas, rng, ink, far=None):
    _sun(canvas, rng, radius=40)
    table_y = HEIGHT - 230
    for x in range(260, 960, 120):
        _person(canvas, x, table_y + 10, ink)
    canvas.ellipse([200, table_y - 40, 1000, table_y + 120], fill=ink)
    for x in range(320, 900, 140):
        canvas.rectangle([x, table_y + 10, x + 60, table_y + 40], fill=LIGHT)


MOTIFS = {
    "skyline": ("Tecknad stadssiluett i {colour} i skymningen", _city),
    "harbour": ("Tecknad hamn i {colour} med ett fartyg vid kaj", _harbour),
    "school": ("Tecknad skola i {colour} med barn på skolgården", _school),
    "climate": ("Tecknade vindkraftverk och träd i {colour}", _climate),
    "culture": ("Tecknat museum med pelare i {colour}", _culture),
    "network": ("Tecknat nätverk av städer kring en ring av stjärnor, i {colour}", _network),
    "meeting": ("Tecknat möte kring ett bord, i {colour}", _meeting),
}
MOTIF_WORDS = [
    ("harbour", ("hamn", "landström", "landstrom", "fartyg", "sjöfart")),
    ("school", ("skol", "förskol", "forskol", "lärare", "larare", "elev", "ungdom", "barn")),
    ("climate", ("klimat", "miljö", "miljo", "energi", "grön", "gron", "hållbar")),
    ("culture", ("konst", "kultur", "museum", "residens")),
    ("network", ("eu", "eurocities", "nätverk", "natverk", "europa", "erasmus")),
    ("meeting", ("möte", "mote", "besök", "besok", "delegation", "seminar", "konferens")),
]

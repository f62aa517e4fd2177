"""Demo images drawn locally with Pillow, so the demo needs no network, fonts or binary assets."""

import random
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

SIZE = (1200, 675)
# (Swedish colour name for the alt text, sky top, sky bottom, buildings)
PALETTE = [
    ("blått", (11, 59, 117), (47, 122, 192), (7, 30, 60)),
    ("rött", (164, 18, 63), (224, 87, 111), (70, 10, 28)),
    ("grönt", (19, 94, 43), (79, 163, 106), (8, 45, 20)),
    ("gult", (107, 71, 0), (201, 142, 28), (50, 33, 0)),
]


def _drawing(seed):
    """The seed's random sequence and its palette entry, the same on every run."""
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    return rng, PALETTE[rng.randrange(len(PALETTE))]


def alt_text(seed):
    return f"Tecknad stadssiluett i {_drawing(seed)[1][0]} i skymningen"


def draw_skyline(seed):
    """A city skyline at dusk, different for every seed, as JPEG bytes."""
    rng, (_colour, top, bottom, ink) = _drawing(seed)
    image = PILImage.new("RGB", SIZE, top)
    draw = ImageDraw.Draw(image)
    for y in range(SIZE[1]):
        mix = y / SIZE[1]
        draw.line(
            [(0, y), (SIZE[0], y)],
            fill=tuple(round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)),
        )
    sun_x = rng.randrange(150, SIZE[0] - 150)
    draw.ellipse([sun_x - 70, 120, sun_x + 70, 260], fill=(255, 236, 179))
    x = 0
    while x < SIZE[0]:
        width, height = rng.randrange(60, 160), rng.randrange(120, 420)
        draw.rectangle([x, SIZE[1] - height, x + width, SIZE[1]], fill=ink)
        if rng.random() < 0.3:
            draw.polygon(
                [
                    (x, SIZE[1] - height),
                    (x + width // 2, SIZE[1] - height - 60),
                    (x + width, SIZE[1] - height),
                ],
                fill=ink,
            )
        x += width + rng.randrange(0, 20)
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=82)
    return buffer


def ensure_image(title, slug):
    """Return the demo image with this title and its alt text, drawing it the first time."""
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).first()
    if image is None:
        file = ImageFile(draw_skyline(slug), name=f"{slug}.jpg")
        image = image_model.objects.create(title=title, file=file)
    return image, alt_text(slug)

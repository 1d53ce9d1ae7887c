"""Placeholder pictures for the demo content, drawn with Pillow: coloured cards with initials."""

import hashlib
import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

# Colours dark enough for white text (contrast above 4.5:1).
PALETTE = ["#0a5487", "#7c2d12", "#14532d", "#581c87", "#134e4a", "#1e3a8a", "#9f1239", "#3f3f46"]


def initials(text):
    words = [word for word in text.replace("‘", "").replace("’", "").split() if word[:1].isalnum()]
    capitals = [word[0] for word in words if word[0].isupper()] or [word[0] for word in words]
    return "".join(capitals[:2]).upper() or "?"


def colour_for(text):
    return PALETTE[int(hashlib.sha256(text.encode()).hexdigest(), 16) % len(PALETTE)]


def card(text, size, label="", image_format="JPEG"):
    """Return a ContentFile with a card of ``size`` showing the initials of ``text`` and a small label."""
    width, height = size
    image = Image.new("RGB", size, colour_for(text))
    draw = ImageDraw.Draw(image)
    big = ImageFont.load_default(size=int(min(width, height) * 0.42))
    draw.text((width / 2, height / 2), initials(text), font=big, fill="white", anchor="mm")
    if label:
        small = ImageFont.load_default(size=max(14, height // 22))
        draw.text((width / 2, height * 0.88), label, font=small, fill="white", anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, quality=85)
    # A named file: Django measures an image's width and height only when its content has a name.
    return ContentFile(buffer.getvalue(), name=f"card.{image_format.lower()}")


def pdf(title, lines):
    """Return a ContentFile with a one-page PDF showing ``title`` and ``lines``."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    draw.text((120, 160), title, font=ImageFont.load_default(size=48), fill="black")
    body = ImageFont.load_default(size=28)
    for number, line in enumerate(lines):
        draw.text((120, 300 + number * 48), line, font=body, fill="black")
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=150)
    return ContentFile(buffer.getvalue(), name="attachment.pdf")

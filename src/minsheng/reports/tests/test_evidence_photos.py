"""An approved photo is printed above its caption in the PDF and the Word file."""

import io
import subprocess
from datetime import date

import docx
import pytest
from django.core.files.base import ContentFile
from PIL import Image

from minsheng.progress.models import Evidence, EvidenceKind
from minsheng.reports.document import Kind, Style
from minsheng.reports.generate import Format, generate
from minsheng.testing import make_indicator, make_plan, make_project, make_report

pytestmark = pytest.mark.django_db
YEAR_END = date(2025, 12, 31)


@pytest.fixture
def plan_with_photo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    plan = make_plan()
    project = make_project(plan)
    make_report(indicator=make_indicator(project), value=12000, as_of=YEAR_END)
    png = io.BytesIO()
    Image.new("RGB", (120, 80), (200, 30, 30)).save(png, format="PNG")
    evidence = Evidence(project=project, kind=EvidenceKind.PHOTO, caption="停车场建成投用。")
    evidence.file.save("parking.png", ContentFile(png.getvalue()))
    return plan


def output(plan, fmt):
    return generate(plan, kind=Kind.YEAR_END, fmt=fmt, style=Style.PRESS, as_of=YEAR_END).content


def test_the_pdf_shows_the_photo_as_its_one_picture(plan_with_photo, tmp_path):
    # The two charts are vector drawings (SVG), not pictures: the photo is the only image.
    path = tmp_path / "report.pdf"
    path.write_bytes(output(plan_with_photo, Format.PDF))
    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, check=True, text=True
    ).stdout
    images = [line for line in listing.splitlines()[2:] if line.strip()]
    assert len(images) == 1


def test_the_docx_shows_the_photo_and_its_caption(plan_with_photo):
    document = docx.Document(io.BytesIO(output(plan_with_photo, Format.DOCX)))
    assert len(document.inline_shapes) == 3
    assert "■停车场建成投用。" in [p.text for p in document.paragraphs]


def test_a_photo_whose_file_is_gone_keeps_its_caption(plan_with_photo, settings):
    for evidence in Evidence.objects.all():
        evidence.file.delete(save=False)
    document = docx.Document(io.BytesIO(output(plan_with_photo, Format.DOCX)))
    assert "■停车场建成投用。" in [p.text for p in document.paragraphs]

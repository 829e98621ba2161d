"""What a worker's start-up must not import.

`django.setup()` runs in every web worker, job worker and command. These libraries cost
tens to hundreds of milliseconds each to import and are needed only by some views, exports
and reports, which import them where they are used. The start-up benchmark lists any that
crept in; a test keeps the list empty.
"""

HEAVY_LIBRARIES = (
    "matplotlib",
    "cn2an",
    "weasyprint",
    "docx",
    "openpyxl",
    "numpy",
    "fontTools",
    "ninja",
    "pydantic",
)

"""Markdown: plain text a person can read and the ingest parser can read back."""

from minsheng.reports.document import Caption, Chart, Document, Heading, Paragraph, Table


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def write_markdown(document: Document) -> str:
    """The document as Markdown; charts are left out (they are images)."""
    lines = [f"# {document.title}", ""]
    if document.subtitle:
        lines += [document.subtitle, ""]
    for block in document.blocks:
        if isinstance(block, Heading):
            lines += ["#" * min(block.level, 6) + " " + block.text, ""]
        elif isinstance(block, Paragraph):
            lines += [block.label + block.text, ""]
        elif isinstance(block, Caption):
            lines += [f"■{block.text}", ""]
        elif isinstance(block, Chart):
            continue
        elif isinstance(block, Table):
            lines.append("| " + " | ".join(_cell(h) for h in block.headers) + " |")
            lines.append("|" + "---|" * len(block.headers))
            lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"

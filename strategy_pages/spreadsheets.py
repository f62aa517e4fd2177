"""Cells for spreadsheets made from what people typed, safe to open in Excel or LibreOffice."""

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text_cell(value):
    """What people typed, kept as text: a spreadsheet would run a cell that starts like a
    formula (e.g. =HYPERLINK(…)) when someone opens the export."""
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def as_workbook_cell(value):
    """As text, with the control characters a workbook cannot hold shown as replaced."""
    return as_text_cell(ILLEGAL_CHARACTERS_RE.sub("\ufffd", str(value)))

"""Cells for spreadsheets made from what people typed, safe to open in Excel or LibreOffice."""

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

# Spreadsheets read a formula after leading blanks and take full-width signs for plain ones.
FORMULA_STARTS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
CONTROL_STARTS = ("\t", "\r", "\n")


def as_text_cell(value):
    """What people typed, kept as text in CSV: a spreadsheet would run a cell that starts like
    a formula (e.g. =HYPERLINK(…)) when someone opens the export."""
    value = str(value)
    if value.startswith(CONTROL_STARTS) or value.lstrip().startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def as_workbook_cell(value):
    """What people typed, as it was, for XLSX, with the control characters a workbook cannot
    hold shown as replaced. Wagtail writes every such cell as a string cell, never as a formula,
    so it needs no apostrophe, which would show as part of the value."""
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", str(value))

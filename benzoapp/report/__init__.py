"""Printable output: the PDF plan (ReportLab), calendar and spreadsheet exports."""

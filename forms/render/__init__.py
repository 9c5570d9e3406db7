"""ReportLab rendering of filled and blank forms (see forms.render.document)."""

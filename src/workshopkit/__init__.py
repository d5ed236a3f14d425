"""workshopkit: print-ready Thai workshop material (agenda, session plan, worksheets,
forms, QR codes) from one YAML definition."""

"""render.docx"""

"""render.pdf"""

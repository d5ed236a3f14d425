"""Stage 4 help: a bar chart as SVG, in the bundled font, legible when printed in black and
white (the first series solid, the second hatched, every bar with its value written at its end)."""
from __future__ import annotations

from xml.sax.saxutils import escape

from ...compose import tree as doc

_FILLS = ("#333333", "url(#hatch)", "#999999")
_ROW = 22.0  # height of a category, in SVG units (1 unit = 1 pt when printed at full width)


def bar_chart_svg(chart: doc.BarChart, width: float = 480.0) -> str:
    """The chart as SVG `width` points wide."""
    label_width, value_width = 70.0, 34.0
    plot = width - label_width - value_width
    bars = max(1, len(chart.series))
    bar = (_ROW - 6) / bars
    legend = 18.0 if len(chart.series) > 1 else 0.0
    height = legend + _ROW * len(chart.categories) + 20
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}pt" height="{height}pt" '
             f'viewBox="0 0 {width} {height}" font-family="Sarabun" font-size="9">',
             '<defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" '
             'patternTransform="rotate(45)"><rect width="4" height="4" fill="white"/>'
             '<line x1="0" y1="0" x2="0" y2="4" stroke="black" stroke-width="1.6"/></pattern></defs>']
    for index, (name, _) in enumerate(chart.series if legend else ()):
        x = label_width + index * 110
        parts.append(f'<rect x="{x}" y="3" width="12" height="9" fill="{_FILLS[index % 3]}" '
                     f'stroke="black" stroke-width="0.6"/>'
                     f'<text x="{x + 16}" y="11">{escape(name)}</text>')
    for step in range(int(chart.maximum) + 1):  # a scale line per whole value
        x = label_width + plot * step / chart.maximum
        parts.append(f'<line x1="{x:.1f}" y1="{legend}" x2="{x:.1f}" y2="{height - 14}" '
                     f'stroke="#bbbbbb" stroke-width="0.5"/>'
                     f'<text x="{x:.1f}" y="{height - 3}" text-anchor="middle">{step}</text>')
    for row, category in enumerate(chart.categories):
        top = legend + row * _ROW + 3
        parts.append(f'<text x="{label_width - 6}" y="{top + _ROW / 2}" text-anchor="end">'
                     f'{escape(category)}</text>')
        for index, (_, values) in enumerate(chart.series):
            value = values[row]
            if value is None:
                continue
            y = top + index * bar
            length = plot * value / chart.maximum
            parts.append(f'<rect x="{label_width}" y="{y:.1f}" width="{length:.1f}" height="{bar - 1:.1f}" '
                         f'fill="{_FILLS[index % 3]}" stroke="black" stroke-width="0.6"/>'
                         f'<text x="{label_width + length + 3:.1f}" y="{y + bar - 3:.1f}">{value:.2f}</text>')
    parts.append("</svg>")
    return "".join(parts)

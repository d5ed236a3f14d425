"""The results report's bar chart as SVG: one bar per value, legible in black and white."""
from __future__ import annotations

from xml.etree import ElementTree

from workshopkit.compose import tree as doc
from workshopkit.render.pdf.chart import bar_chart_svg

SVG = "{http://www.w3.org/2000/svg}"


def test_each_value_is_a_bar_with_its_value_written_and_a_missing_one_is_left_out():
    chart = doc.BarChart(("การสื่อสาร", "การวางแผน"), (("รอบที่ 1", (2.0, 3.0)), ("รอบที่ 2", (3.5, None))), 4)
    svg = ElementTree.fromstring(bar_chart_svg(chart))
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert {"การสื่อสาร", "การวางแผน", "รอบที่ 1", "รอบที่ 2"} <= set(texts)
    assert [t for t in texts if "." in t] == ["2.00", "3.50", "3.00"]
    bars = [r for r in svg.iter(f"{SVG}rect") if r.get("height") not in ("9", "4")]
    assert len(bars) == 3  # three values; the missing one has no bar
    assert svg.get("font-family") == "Sarabun"

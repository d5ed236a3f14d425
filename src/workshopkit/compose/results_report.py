"""Composer: the self-assessment results report: respondents and missing answers, each role's
mean as a chart, every sub-item's mean, distribution and share rating 1 or 2, the five
weakest sub-items with what participants wrote, the change between two rounds, and
optionally a page per participant against the group."""
from __future__ import annotations

from ..definition import model
from ..definition.fit import column_widths
from ..people.results import Responses, changes, item_figures, role_means
from ..wording.style import Style
from . import tree as doc
from .common import cell

WEAKEST = 5


def _mean(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _change(value: float | None) -> str:
    return "–" if value is None else f"{value:+.2f}"


def _share(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)}%"


def compose_results(workshop: model.Workshop, data: Responses, style: Style,
                    per_participant: bool = False) -> doc.Document:
    """The results report of the responses: respondents, role means (chart and table), each item, changes
    between rounds, the weakest items and, with `per_participant`, each person's own."""
    form = workshop.self_assessment
    assert form is not None
    levels = form.scale.levels
    rounds = data.rounds()
    latest = data.of_round(rounds[-1])
    blocks: list[doc.Block] = [doc.text(workshop.title, style="lead")]
    summary = [style.say("r_respondents", round=style.num(n), count=style.num(len(data.of_round(n))))
               for n in rounds]
    missing = sum(1 for r in data.responses for v in r.ratings.values() if v is None)
    summary.append(style.say("r_missing", count=style.num(missing)))
    if len(rounds) > 2:  # the changes below are first against last, said by name
        summary.append(style.say("r_compared", first=style.num(rounds[0]), last=style.num(rounds[-1])))
    if len(rounds) > 1:
        _, _, both, only_one = changes(data.of_round(rounds[0]), latest, data.items)
        summary.append(style.say("r_both", both=style.num(both), one=style.num(only_one)))
    blocks += [doc.Heading(style.label("r_summary"), 3),
               doc.ItemList(tuple(doc.ListItem("–", line) for line in summary))]

    means = {n: role_means(data.of_round(n), data.items) for n in rounds}
    roles = list(range(1, len(form.roles) + 1))
    blocks.append(doc.Heading(style.label("r_role_means"), 3))
    blocks.append(doc.BarChart(tuple(style.say("r_role_n", n=style.num(r)) for r in roles),
                               tuple((style.say("r_round", n=style.num(n)), tuple(means[n][r] for r in roles))
                                     for n in rounds), float(levels)))
    role_change = changes(data.of_round(rounds[0]), latest, data.items)[1] if len(rounds) > 1 else {}
    head = [cell(style.label("r_role"), "head"),
            *(cell(style.say("r_round", n=style.num(n)), "head") for n in rounds)]
    if role_change:
        head.append(cell(style.label("r_change"), "head"))
    rows = []
    for r in roles:
        cells = [cell(f"{style.num(r)}. {form.roles[r - 1].title}"),
                 *(cell(_mean(means[n][r])) for n in rounds)]
        if role_change:
            cells.append(cell(_change(role_change[r])))
        rows.append(doc.Row(tuple(cells)))
    widths = column_widths([c.text for c in head], (64, *(12,) * (len(head) - 1)), scale=style.scale)
    blocks.append(doc.Table(widths, (doc.Row(tuple(head), "head"),), tuple(rows)))

    for n in rounds:
        blocks += _item_table(data, n, levels, style, form)
    if len(rounds) > 1:
        blocks += _change_table(data, rounds, style)
    blocks += _weakest(data, latest, levels, style)
    if per_participant:
        blocks += _participants(data, latest, levels, style)
    return doc.Document("results-report", "results", style.label("r_title"), "facilitator",
                        tuple(blocks), subtitle=form.title)


def _item_table(data: Responses, n: int, levels: int, style: Style,
                form: model.SelfAssessment) -> list[doc.Block]:
    figures = item_figures(data.of_round(n), data.items, levels)
    head = (doc.Row((cell(style.label("r_item"), "head"), cell(style.label("r_mean"), "head"),
                     cell(style.label("r_answers"), "head"),
                     *(cell(style.num(level), "head") for level in range(1, levels + 1)),
                     cell(style.label("r_low"), "head")), "head"),)
    rows: list[doc.Row] = []
    for figure in figures:
        if figure.item.key.endswith(".1"):
            title = form.roles[figure.item.role - 1].title
            rows.append(doc.Row((cell(f"{style.num(figure.item.role)}. {title}", "group",
                                      colspan=4 + levels),), "group"))
        rows.append(doc.Row((cell(f"{style.num(figure.item.key)} {figure.item.text}", "label", indent=1),
                             cell(_mean(figure.mean)), cell(style.num(figure.answers)),
                             *(cell(style.num(count)) for count in figure.distribution),
                             cell(_share(figure.low_share)))))
    widths = column_widths([c.text for c in head[0].cells], (52, 10, 7, *(6,) * levels, 7),
                           scale=style.scale)
    return [doc.Heading(style.say("r_items_round", n=style.num(n)), 3), doc.Table(widths, head, tuple(rows))]


def _change_table(data: Responses, rounds: list[int], style: Style) -> list[doc.Block]:
    first, last = data.of_round(rounds[0]), data.of_round(rounds[-1])
    per_item, _, both, _ = changes(first, last, data.items)
    before = {f.item.key: f.mean for f in item_figures(first, data.items, 9)}
    after = {f.item.key: f.mean for f in item_figures(last, data.items, 9)}
    head = (doc.Row((cell(style.label("r_item"), "head"),
                     cell(style.say("r_round", n=style.num(rounds[0])), "head"),
                     cell(style.say("r_round", n=style.num(rounds[-1])), "head"),
                     cell(style.say("r_change_both", n=style.num(both)), "head")), "head"),)
    rows = tuple(doc.Row((cell(f"{style.num(item.key)} {item.text}", "label"), cell(_mean(before[item.key])),
                          cell(_mean(after[item.key])), cell(_change(per_item[item.key]))))
                 for item in data.items)
    widths = column_widths([c.text for c in head[0].cells], (58, 12, 12, 18), scale=style.scale)
    return [doc.Heading(style.label("r_item_changes"), 3), doc.Table(widths, head, rows)]


def _weakest(data: Responses, latest, levels: int, style: Style) -> list[doc.Block]:
    figures = [f for f in item_figures(latest, data.items, levels) if f.mean is not None]
    weakest = sorted(figures, key=lambda f: (f.mean, f.item.key))[:WEAKEST]
    items = []
    for figure in weakest:
        remarks = [r.remarks[figure.item.key] for r in latest if r.remarks.get(figure.item.key)]
        items.append(doc.ListItem(
            f"{style.num(figure.item.key)}",
            style.say("r_weak_detail", text=figure.item.text, mean=_mean(figure.mean),
                      share=_share(figure.low_share)),
            tuple(doc.ListItem("–", remark) for remark in remarks)))
    return [doc.Heading(style.say("r_weakest", n=style.num(len(weakest))), 3),
            doc.ItemList(tuple(items))]


def _participants(data: Responses, latest, levels: int, style: Style) -> list[doc.Block]:
    group = {f.item.key: f.mean for f in item_figures(latest, data.items, levels)}
    out: list[doc.Block] = []
    for response in sorted(latest, key=lambda r: r.code):
        out += [doc.PageBreak(), doc.Heading(style.say("r_person", name=response.name or response.code,
                                                                  code=response.code or "–"), 3)]
        head = (doc.Row((cell(style.label("r_item"), "head"), cell(style.label("r_own"), "head"),
                         cell(style.label("r_group_mean"), "head")),
                        "head"),)
        rows = tuple(doc.Row((cell(f"{style.num(item.key)} {item.text}", "label"),
                              cell("–" if response.ratings.get(item.key) is None
                                   else style.num(response.ratings[item.key])),
                              cell(_mean(group[item.key]))))
                     for item in data.items)
        out.append(doc.Table(column_widths([c.text for c in head[0].cells], (66, 14, 20),
                                           scale=style.scale), head, rows))
    return out

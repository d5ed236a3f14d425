"""Compose: one composer per document kind turns the model into document trees (tree.py),
and plan.py gathers them into the files of a pack.

`pack.compose_all` is the one place that decides which documents a workshop has and puts them
in agenda order; `front.compose_front` makes the facilitator pack's front matter for the page
counts a first layout returned. This package module imports none of them: the render workers
import the document tree, the plan and the front's composers, never the composers that read
the definition's model (pydantic), which every build would wait for.
"""

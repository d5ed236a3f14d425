"""The words of the studio's page, marked for the catalogue like every message, and given to
the page in its language (Thai unless the trainer chose English or opened an English
definition)."""
from __future__ import annotations

from ..i18n import N_, in_language

WORDS = {
    "studio": N_("workshopkit studio"),
    "start": N_("Start"),
    "yaml": N_("Definition"),
    "agenda": N_("Agenda"),
    "print": N_("Print for a roster"),
    "results": N_("Results"),
    "library": N_("Library"),
    "in_folder": N_("Definitions in this folder"),
    "from_library": N_("Start from a shipped workshop"),
    "new_name": N_("Name of the new file"),
    "make_new": N_("Make my own copy"),
    "open": N_("Open"),
    "days": N_("days"),
    "documents": N_("Documents"),
    "pages": N_("pages"),
    "page": N_("page"),
    "saved": N_("Saved"),
    "saving": N_("Saving ..."),
    "unsaved": N_("Not saved yet"),
    "laying_out": N_("Laying out the pages ..."),
    "problems": N_("Problems to fix"),
    "no_problems": N_("No problems: the pages below are up to date."),
    "warnings": N_("Worth a look"),
    "line": N_("line"),
    "column": N_("column"),
    "time": N_("Time"),
    "item": N_("Item"),
    "kind": N_("Kind"),
    "minutes": N_("Minutes"),
    "move_up": N_("Move up"),
    "move_down": N_("Move down"),
    "remove": N_("Remove"),
    "add_item": N_("Add an item"),
    "new_item": N_("New item"),
    "day": N_("Day"),
    "starts": N_("starts"),
    "session": N_("session"),
    "registration": N_("registration"),
    "break": N_("break"),
    "meal": N_("meal"),
    "other": N_("other"),
    "no_agenda": N_("This definition has no agenda of its own."),
    "roster_file": N_("Roster (.csv or .xlsx, a row per participant)"),
    "no_roster": N_("Without a roster the pack has blank forms and a blank sign-in sheet."),
    "build_pack": N_("Build the pack and download it (zip)"),
    "building": N_("Building the pack ..."),
    "participants_done": N_("participants ready"),
    "pack_ready": N_("The pack is downloaded."),
    "row": N_("row"),
    "responses_file": N_("Responses (typed CSV, Excel, or a Google Forms export)"),
    "make_report": N_("Make the results report"),
    "scans_title": N_("Paper forms from the scanner"),
    "scan_files": N_("Scans of the filled self-assessments (PDF, PNG or JPEG; pages in any order)"),
    "scan_roster": N_("Roster, for the names beside the codes (optional)"),
    "read_scans": N_("Read the scans"),
    "reading_scans": N_("Reading the scans ..."),
    "scan_next": N_("Settle the marks shown below in answers.csv, then give it to the results report above."),
    "download": N_("Download"),
    "close": N_("Close"),
    "larger": N_("Larger view"),
    "choose": N_("Choose a definition on the left, or start from the library."),
    "failed": N_("It did not work:"),
    "nearly_empty": N_("holds almost nothing"),
}


def words(lang: str) -> dict[str, str]:
    """The page's words in `lang`."""
    say = in_language(lang)
    return {key: say(text) for key, text in WORDS.items()}

"""Definition: the participant fields a definition may name ({name}, {village}, ...) in a
personal survey link or sheet, which a roster's columns fill. Kept apart from the model so
that the roster and the render workers read them without loading pydantic."""

PARTICIPANT_FIELDS = ("prefix", "name", "surname", "village", "area", "district", "province", "group", "code",
                      "phone", "email")

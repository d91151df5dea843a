"""Who may do what with a complaint: the one home of every access rule (SPEC R6, R14, R25).

- `memberships`: the user's units and roles, read once per request;
- `visibility`: which complaints a user may see at all;
- `abilities`: who may file, and who may act on a complaint (dispose, follow up, …);
- `identity`: who may see a confidential reporter's identity and the attachments that carry it;
- `reporter`: what proves that a citizen is the reporter of a complaint (secret, one-time code,
  the SMS number).

The API, the pages, Open311, the SMS and email channels and the sweep all ask here; nothing else
decides. The actions re-check the abilities on the locked row (`aduan.core.actions.guard`).
"""

from aduan.core.access.abilities import (
    Ability,
    NotAllowed,
    allowed_actions,
    filing_unit,
    filing_units,
    kept_units,
    may,
    may_add_evidence,
    may_file,
    may_keep_unit,
    may_resend_messages,
    require,
)
from aduan.core.access.identity import may_download, may_see_identity, readable_text, record_identity_view
from aduan.core.access.memberships import sees_everything, user_units
from aduan.core.access.visibility import announcements_to_answer, complaints_visible_to, held_q, visible_unit_ids

__all__ = [
    "Ability",
    "NotAllowed",
    "allowed_actions",
    "announcements_to_answer",
    "complaints_visible_to",
    "filing_unit",
    "filing_units",
    "held_q",
    "kept_units",
    "may",
    "may_add_evidence",
    "may_download",
    "may_file",
    "may_keep_unit",
    "may_resend_messages",
    "may_see_identity",
    "readable_text",
    "record_identity_view",
    "require",
    "sees_everything",
    "user_units",
    "visible_unit_ids",
]
